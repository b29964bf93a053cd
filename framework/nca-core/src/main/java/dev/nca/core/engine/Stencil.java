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
 * drops the term).
 *
 * <p>Each plane is first copied into a padded {@code (S+2)^2} plane whose one-cell halo holds what
 * the boundary says lies beyond the edge; every stencil row is then a contiguous loop the JIT
 * vectorises: one fused 9-weight pass for kernels with three or more nonzero entries (Laplacian,
 * Sobel, average), one multiply-add per entry for sparse ones (identity). The adjoint computes
 * the padded gradient plane (the fused kernels correlate the zero-bordered output gradient with
 * the flipped kernel) and folds the halo back onto the cells it was copied from, so it is exact
 * for every boundary.
 */
final class Stencil {

    private record Tap(int kernel, int di, int dj, double weight) {
    }

    /** A kernel applied in one fused pass per row; {@code flipped} drives the adjoint. */
    private record Fused(int kernel, StencilWeights weights, StencilWeights flipped) {
    }

    /** Kernels with at least this many nonzero entries run fused; sparser ones tap by tap. */
    private static final int FUSE_MIN_TAPS = 3;

    private final int size;
    private final int padded;
    private final int kernelCount;
    private int tapCount;
    private final List<Tap> taps = new ArrayList<>();
    private final List<Fused> fused = new ArrayList<>();
    /** For each row of a padded plane, the row of the plane it copies, or -1 (zero boundary). */
    private final int[] padRows;
    /** The columns of the plane that the padded plane's first and last columns copy, or -1. */
    private final int padLeft;
    private final int padRight;

    Stencil(Kernels kernels, Boundary boundary, int size) {
        if (size < 2) {
            throw new IllegalArgumentException("lattice side must be >= 2, got " + size);
        }
        this.size = size;
        this.padded = size + 2;
        this.kernelCount = kernels.count();
        for (int k = 0; k < kernelCount; k++) {
            double[][] s = kernels.stencils()[k];
            List<Tap> own = new ArrayList<>();
            double[] w = new double[9];
            double[] f = new double[9];
            for (int a = 0; a < 3; a++) {
                for (int e = 0; e < 3; e++) {
                    w[3 * a + e] = s[a][e];
                    f[3 * (2 - a) + (2 - e)] = s[a][e];
                    if (s[a][e] != 0) {
                        own.add(new Tap(k, a - 1, e - 1, s[a][e]));
                    }
                }
            }
            if (own.size() >= FUSE_MIN_TAPS) {
                fused.add(new Fused(k, new StencilWeights(w), new StencilWeights(f)));
            }
            taps.addAll(own.size() >= FUSE_MIN_TAPS ? List.of() : own);
            tapCount += own.size();
        }
        // the boundary maps rows and columns alike and independently, so a padded plane is made of
        // whole plane rows plus one halo cell at each end
        padRows = new int[padded];
        for (int pi = 0; pi < padded; pi++) {
            padRows[pi] = neighbour(boundary, pi - 1, size);
        }
        padLeft = neighbour(boundary, -1, size);
        padRight = neighbour(boundary, size, size);
    }

    static int neighbour(Boundary boundary, int i, int size) {
        return BoundaryIndex.neighbour(boundary, i, size);
    }

    /** Length of the padded scratch buffer {@link #forward} and {@link #adjoint} need. */
    int paddedLength(int channels, int batch) {
        return channels * batch * padded * padded;
    }

    /**
     * Computes {@code z} (overwritten) from {@code x}.
     *
     * @param scratch a buffer of {@link #paddedLength} elements (overwritten)
     */
    void forward(HostArray x, HostArray z, HostArray scratch, int channels, int batch) {
        int plane = size * size;
        int pplane = padded * padded;
        int planes = channels * batch;
        for (int p = 0; p < planes; p++) {
            scratch.padPlane(p * pplane, x, p * plane, size, padRows, padLeft, padRight);
        }
        z.zero();
        for (Tap t : taps) {
            int shift = (1 + t.di) * padded + 1 + t.dj;
            for (int c = 0; c < channels; c++) {
                for (int b = 0; b < batch; b++) {
                    int xp = (c * batch + b) * pplane + shift;
                    int zp = ((c * kernelCount + t.kernel) * batch + b) * plane;
                    for (int i = 0; i < size; i++) {
                        z.axpy(zp + i * size, scratch, xp + i * padded, t.weight, size);
                    }
                }
            }
        }
        for (Fused f : fused) {
            for (int c = 0; c < channels; c++) {
                for (int b = 0; b < batch; b++) {
                    int xp = (c * batch + b) * pplane;
                    int zp = ((c * kernelCount + f.kernel) * batch + b) * plane;
                    for (int i = 0; i < size; i++) {
                        z.stencilRow(zp + i * size, scratch, xp + i * padded, padded, f.weights, size);
                    }
                }
            }
        }
    }

    /**
     * Adds the adjoint of {@link #forward} applied to {@code gz} into {@code gx}.
     *
     * @param scratch     a buffer of {@link #paddedLength} elements (overwritten)
     * @param borderPlane a buffer of {@code (S+4)^2} elements whose two-cell border is zero; only its
     *                    inner {@code S x S} cells are written, so the border stays zero
     */
    void adjoint(HostArray gz, HostArray gx, HostArray scratch, HostArray borderPlane, int channels, int batch) {
        int plane = size * size;
        int pplane = padded * padded;
        scratch.zero();
        for (Tap t : taps) {
            int shift = (1 + t.di) * padded + 1 + t.dj;
            for (int c = 0; c < channels; c++) {
                for (int b = 0; b < batch; b++) {
                    int xp = (c * batch + b) * pplane + shift;
                    int zp = ((c * kernelCount + t.kernel) * batch + b) * plane;
                    for (int i = 0; i < size; i++) {
                        scratch.axpy(xp + i * padded, gz, zp + i * size, t.weight, size);
                    }
                }
            }
        }
        int bordered = size + 4;
        for (Fused f : fused) {
            for (int c = 0; c < channels; c++) {
                for (int b = 0; b < batch; b++) {
                    int xp = (c * batch + b) * pplane;
                    int zp = ((c * kernelCount + f.kernel) * batch + b) * plane;
                    borderPlane.copyRows(2 * bordered + 2, bordered, gz, zp, size, size, size);
                    for (int pi = 0; pi < padded; pi++) {
                        scratch.stencilRow(xp + pi * padded, borderPlane, pi * bordered, bordered, f.flipped, padded);
                    }
                }
            }
        }
        int planes = channels * batch;
        for (int p = 0; p < planes; p++) {
            gx.foldPlane(p * plane, scratch, p * pplane, size, padRows, padLeft, padRight);
        }
    }

    /** Nonzero stencil entries over all kernels: multiply-adds per cell and channel. */
    int tapCount() {
        return tapCount;
    }
}
