package dev.nca.core.engine.fused;

import dev.nca.api.Boundary;
import dev.nca.api.Kernels;
import dev.nca.core.engine.BoundaryIndex;
import dev.nca.core.engine.FloatRowOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The depthwise 3x3 perception of the fused engine, per tile of whole lattice rows, and its exact
 * adjoint, in float32.
 *
 * <p>State layout {@code [B][C][S][S]} (the engine's input layout). Each plane is first copied into
 * a padded {@code (S+2)^2} plane whose one-cell halo holds what the boundary says lies beyond the
 * edge; a tile of rows {@code [i0, i0+R)} of sample b then reads padded rows {@code i0..i0+R+1}.
 * Perception of a tile is written feature-major, row {@code c*K + k} at {@code z[(c*K+k)*ld + r*S + j]}.
 * The adjoint scatters a tile's perception gradient onto a padded gradient plane (rows of
 * neighbouring tiles overlap, so the padded gradient covers the whole lattice), and
 * {@link #fold} adds the halo back onto the cells it was copied from, so it is exact for every
 * boundary.
 */
final class TileStencil {

    private record Tap(int kernel, int row, int col, float weight) {
    }

    private final int size;
    private final int padded;
    private final int kernelCount;
    private final FloatRowOps ops;
    private final List<Tap> taps = new ArrayList<>();
    /** Kernels run as one fused 9-weight row pass (three or more nonzero entries), or null. */
    private final float[][] dense;
    private final int[] padRows;
    private final int padLeft;
    private final int padRight;

    TileStencil(Kernels kernels, Boundary boundary, int size, FloatRowOps ops) {
        this.size = size;
        this.padded = size + 2;
        this.kernelCount = kernels.count();
        this.ops = ops;
        this.dense = new float[kernelCount][];
        for (int k = 0; k < kernelCount; k++) {
            double[][] s = kernels.stencils()[k];
            float[] w = new float[9];
            int nonzero = 0;
            for (int a = 0; a < 3; a++) {
                for (int e = 0; e < 3; e++) {
                    w[3 * a + e] = (float) s[a][e];
                    if (s[a][e] != 0) {
                        nonzero++;
                        taps.add(new Tap(k, a, e, (float) s[a][e]));
                    }
                }
            }
            dense[k] = nonzero >= 3 ? w : null;
        }
        padRows = new int[padded];
        for (int pi = 0; pi < padded; pi++) {
            padRows[pi] = BoundaryIndex.neighbour(boundary, pi - 1, size);
        }
        padLeft = BoundaryIndex.neighbour(boundary, -1, size);
        padRight = BoundaryIndex.neighbour(boundary, size, size);
    }

    /** Elements of one padded plane. */
    int paddedPlane() {
        return padded * padded;
    }

    /** Fills {@code planes} padded planes of {@code dst} from the planes of {@code x} ({@code [planes][S][S]}). */
    void pad(float[] x, float[] dst, int planes) {
        int plane = size * size;
        int pplane = padded * padded;
        for (int p = 0; p < planes; p++) {
            int s = p * plane;
            int d = p * pplane;
            for (int pi = 0; pi < padded; pi++) {
                int row = padRows[pi];
                int dr = d + pi * padded;
                if (row < 0) {
                    Arrays.fill(dst, dr, dr + padded, 0f);
                    continue;
                }
                int sr = s + row * size;
                System.arraycopy(x, sr, dst, dr + 1, size);
                dst[dr] = padLeft < 0 ? 0f : x[sr + padLeft];
                dst[dr + padded - 1] = padRight < 0 ? 0f : x[sr + padRight];
            }
        }
    }

    /**
     * Perception of rows {@code [i0, i0+rows)} of sample b into {@code z} (overwritten, {@code [C*K][ld]}).
     *
     * @param pad the padded state, {@code [B][C][S+2][S+2]}
     */
    void perceive(float[] pad, int b, int channels, int i0, int rows, float[] z, int ld) {
        int pplane = padded * padded;
        int n = rows * size;
        for (int c = 0; c < channels; c++) {
            int planeOff = (b * channels + c) * pplane;
            for (int k = 0; k < kernelCount; k++) {
                int zr = (c * kernelCount + k) * ld;
                Arrays.fill(z, zr, zr + n, 0f);
                if (dense[k] != null) {
                    for (int r = 0; r < rows; r++) {
                        ops.stencilRow(z, zr + r * size, pad, planeOff + (i0 + r) * padded, padded, dense[k], size);
                    }
                }
            }
            for (Tap t : taps) {
                if (dense[t.kernel] != null) {
                    continue;
                }
                int zr = (c * kernelCount + t.kernel) * ld;
                for (int r = 0; r < rows; r++) {
                    ops.axpy(z, zr + r * size, pad, planeOff + (i0 + r + t.row) * padded + t.col, t.weight, size);
                }
            }
        }
    }

    /**
     * Adds the adjoint of {@link #perceive} applied to {@code gz} ({@code [C*K][ld]}) onto the padded
     * gradient {@code gpad} ({@code [B][C][S+2][S+2]}).
     */
    void adjoint(float[] gz, int ld, int b, int channels, int i0, int rows, float[] gpad) {
        int pplane = padded * padded;
        for (int c = 0; c < channels; c++) {
            int planeOff = (b * channels + c) * pplane;
            for (Tap t : taps) {
                int zr = (c * kernelCount + t.kernel) * ld;
                for (int r = 0; r < rows; r++) {
                    ops.axpy(gpad, planeOff + (i0 + r + t.row) * padded + t.col, gz, zr + r * size, t.weight, size);
                }
            }
        }
    }

    /** Adds every cell of the padded planes of {@code gpad} onto the cell of {@code gx} it was copied from. */
    void fold(float[] gpad, float[] gx, int planes) {
        int plane = size * size;
        int pplane = padded * padded;
        for (int p = 0; p < planes; p++) {
            int d = p * plane;
            int s = p * pplane;
            for (int pi = 0; pi < padded; pi++) {
                int row = padRows[pi];
                if (row < 0) {
                    continue;
                }
                int dr = d + row * size;
                int sr = s + pi * padded;
                ops.add(gx, dr, gpad, sr + 1, size);
                if (padLeft >= 0) {
                    gx[dr + padLeft] += gpad[sr];
                }
                if (padRight >= 0) {
                    gx[dr + padRight] += gpad[sr + padded - 1];
                }
            }
        }
    }
}
