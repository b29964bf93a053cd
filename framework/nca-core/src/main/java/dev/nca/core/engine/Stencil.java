package dev.nca.core.engine;

import dev.nca.api.Boundary;
import dev.nca.api.Kernels;
import java.util.ArrayList;
import java.util.List;

/**
 * The depthwise 3x3 perception on the Java heap, and its exact adjoint.
 *
 * <p>Layouts: state {@code x} is {@code [C][B][S][S]}; perception {@code z} is
 * {@code [C*K][B][S][S]} with row {@code c*K + k}. Forward:
 * {@code z[c*K+k][b][i][j] = sum_{a,e} g_k[a][e] x[c][b][rho(i+a-1)][rho(j+e-1)]}, where rho maps
 * an index beyond the edge according to the boundary (periodic wrap, reflect, or "zero" which
 * drops the term). The adjoint scatters with the same taps, so it is exact for every boundary.
 */
final class Stencil {

    private record Tap(int kernel, int di, int dj, double weight) {
    }

    private final int size;
    private final int kernelCount;
    private final List<Tap> taps = new ArrayList<>();
    /** {@code maps[d+1][i]}: the index read for position i at offset d, or -1 (zero boundary). */
    private final int[][] maps = new int[3][];

    Stencil(Kernels kernels, Boundary boundary, int size) {
        if (size < 2) {
            throw new IllegalArgumentException("lattice side must be >= 2, got " + size);
        }
        this.size = size;
        this.kernelCount = kernels.count();
        for (int k = 0; k < kernelCount; k++) {
            double[][] s = kernels.stencils()[k];
            for (int a = 0; a < 3; a++) {
                for (int e = 0; e < 3; e++) {
                    if (s[a][e] != 0) {
                        taps.add(new Tap(k, a - 1, e - 1, s[a][e]));
                    }
                }
            }
        }
        for (int d = -1; d <= 1; d++) {
            int[] m = new int[size];
            for (int i = 0; i < size; i++) {
                m[i] = neighbour(boundary, i + d, size);
            }
            maps[d + 1] = m;
        }
    }

    static int neighbour(Boundary boundary, int i, int size) {
        if (i >= 0 && i < size) {
            return i;
        }
        return switch (boundary) {
            case PERIODIC -> Math.floorMod(i, size);
            case ZERO -> -1;
            case REFLECT -> i < 0 ? -i : 2 * (size - 1) - i;
        };
    }

    /**
     * Computes {@code z} (zeroed first) from {@code x}.
     *
     * @param planes C*B, the number of {@code [S][S]} planes of x
     * @param batch  B
     */
    void forward(HostArray x, HostArray z, int channels, int batch) {
        z.zero();
        int plane = size * size;
        for (Tap t : taps) {
            int[] rows = maps[t.di + 1];
            int[] cols = maps[t.dj + 1];
            for (int c = 0; c < channels; c++) {
                for (int b = 0; b < batch; b++) {
                    int xPlane = (c * batch + b) * plane;
                    int zPlane = ((c * kernelCount + t.kernel) * batch + b) * plane;
                    for (int i = 0; i < size; i++) {
                        int r = rows[i];
                        if (r >= 0) {
                            z.gatherRow(zPlane + i * size, x, xPlane + r * size, t.weight, t.dj, cols, size);
                        }
                    }
                }
            }
        }
    }

    /** Adds the adjoint of {@link #forward} applied to {@code gz} into {@code gx}. */
    void adjoint(HostArray gz, HostArray gx, int channels, int batch) {
        int plane = size * size;
        for (Tap t : taps) {
            int[] rows = maps[t.di + 1];
            int[] cols = maps[t.dj + 1];
            for (int c = 0; c < channels; c++) {
                for (int b = 0; b < batch; b++) {
                    int xPlane = (c * batch + b) * plane;
                    int zPlane = ((c * kernelCount + t.kernel) * batch + b) * plane;
                    for (int i = 0; i < size; i++) {
                        int r = rows[i];
                        if (r >= 0) {
                            gx.scatterRow(xPlane + r * size, gz, zPlane + i * size, t.weight, t.dj, cols, size);
                        }
                    }
                }
            }
        }
    }

    /** Nonzero stencil entries over all kernels: multiply-adds per cell and channel. */
    int tapCount() {
        return taps.size();
    }
}
