package dev.nca.plugins.loss.fourier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batched 2-D discrete Fourier transform of N real {@code S x S} images and its adjoint, as
 * float64 matrix products ({@code Nd4j.gemm}) with precomputed tables.
 *
 * <p>With {@code F[k][j] = w exp(-2 pi i k j / S) = C - i Sn} ({@code C} = cosines, {@code Sn} =
 * sines, both symmetric; {@code w = 1/sqrt(S)} when orthonormal, else 1), the spectrum of image
 * {@code x_n} is {@code X_n = F x_n F} ({@code F} is symmetric, so this is {@code F x F^T}).
 *
 * <p>Layouts avoid per-image transposes: the input is stored as {@code [S, N S]} with element
 * {@code (i, n S + j) = x_n[i][j]}, so one product {@code F . input} transforms the columns of
 * every image; its {@code [S, N S]} result, read as {@code [S N, S]} (row {@code k1 N + n},
 * column j, the same memory), is then multiplied by {@code F} on the right. Spectra come out as
 * {@code [S N, S]}: {@code X_n[k1][k2]} at flat index {@code (k1 N + n) S + k2}.
 *
 * <p>The adjoint maps a cotangent {@code G = dL/dRe X + i dL/dIm X} (same layout) to
 * {@code dL/dx_n = Re(conj(F) G_n conj(F))}, computed with the same tables: it is the exact
 * transpose of the forward map, not an approximation. Immutable; thread-safe (buffers live in
 * the {@link DftWorkspace} passed in).
 */
final class Dft2 {

    private final INDArray cos;
    private final INDArray sin;

    /**
     * @param size        the lattice side S
     * @param orthonormal scale by {@code 1/sqrt(S)} per axis (so by {@code 1/S} in 2-D)
     */
    Dft2(int size, boolean orthonormal) {
        double scale = orthonormal ? 1 / Math.sqrt(size) : 1.0;
        double[] c = new double[size * size];
        double[] s = new double[size * size];
        for (int k = 0; k < size; k++) {
            for (int j = 0; j < size; j++) {
                // reduce k j mod S first: exact angles for every k, j
                double angle = 2 * Math.PI * ((long) k * j % size) / size;
                c[k * size + j] = scale * Math.cos(angle);
                s[k * size + j] = scale * Math.sin(angle);
            }
        }
        this.cos = Nd4j.create(c, new long[] {size, size}, DataType.DOUBLE);
        this.sin = Nd4j.create(s, new long[] {size, size}, DataType.DOUBLE);
    }

    /**
     * Spectra of the images in {@code ws.input()} into {@code ws.re()} and {@code ws.im()}.
     * Overwrites the workspace's stage buffers.
     */
    void forward(DftWorkspace ws) {
        // stage 1 (columns of each image): A = F x = C x - i Sn x; stored as aRe = C x, aIm = Sn x = -Im A
        Nd4j.gemm(cos, ws.input(), ws.stageRe(), false, false, 1.0, 0.0);
        Nd4j.gemm(sin, ws.input(), ws.stageIm(), false, false, 1.0, 0.0);
        // stage 2 (rows): X = A F = (aRe - i aIm)(C - i Sn): Re = aRe C - aIm Sn, Im = -aIm C - aRe Sn
        INDArray aRe = ws.stageReRows();
        INDArray aIm = ws.stageImRows();
        Nd4j.gemm(aRe, cos, ws.re(), false, false, 1.0, 0.0);
        Nd4j.gemm(aIm, sin, ws.re(), false, false, -1.0, 1.0);
        Nd4j.gemm(aIm, cos, ws.im(), false, false, -1.0, 0.0);
        Nd4j.gemm(aRe, sin, ws.im(), false, false, -1.0, 1.0);
    }

    /**
     * The adjoint: reads the cotangent from {@code ws.re()}, {@code ws.im()} and writes
     * {@code Re(conj(F) G conj(F))} into {@code ws.input()} (layout {@code [S, N S]}).
     */
    void adjoint(DftWorkspace ws) {
        // stage 1 (rows): B = G conj(F) = (gRe + i gIm)(C + i Sn): Re = gRe C - gIm Sn, Im = gIm C + gRe Sn
        INDArray bRe = ws.stageReRows();
        INDArray bIm = ws.stageImRows();
        Nd4j.gemm(ws.re(), cos, bRe, false, false, 1.0, 0.0);
        Nd4j.gemm(ws.im(), sin, bRe, false, false, -1.0, 1.0);
        Nd4j.gemm(ws.im(), cos, bIm, false, false, 1.0, 0.0);
        Nd4j.gemm(ws.re(), sin, bIm, false, false, 1.0, 1.0);
        // stage 2 (columns): Re(conj(F) B) = C bRe - Sn bIm
        Nd4j.gemm(cos, ws.stageRe(), ws.input(), false, false, 1.0, 0.0);
        Nd4j.gemm(sin, ws.stageIm(), ws.input(), false, false, -1.0, 1.0);
    }
}
