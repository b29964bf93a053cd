package dev.nca.plugins.loss.fourier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Float64 buffers for transforming N images of side S with {@link Dft2}: the real input
 * {@code [S, N S]}, two stage buffers {@code [S, N S]} (also viewed as {@code [N S, S]}) and the
 * spectrum's real and imaginary parts {@code [N S, S]}. About {@code 5 N S^2} doubles. Used by one
 * thread at a time.
 */
final class DftWorkspace {

    private final int images;
    private final int size;
    private final INDArray input;
    private final INDArray stageRe;
    private final INDArray stageIm;
    private final INDArray stageReRows;
    private final INDArray stageImRows;
    private final INDArray re;
    private final INDArray im;

    DftWorkspace(int images, int size) {
        this.images = images;
        this.size = size;
        long columns = (long) images * size;
        input = Nd4j.create(DataType.DOUBLE, size, columns);
        stageRe = Nd4j.create(DataType.DOUBLE, size, columns);
        stageIm = Nd4j.create(DataType.DOUBLE, size, columns);
        stageReRows = stageRe.reshape('c', columns, size);
        stageImRows = stageIm.reshape('c', columns, size);
        re = Nd4j.create(DataType.DOUBLE, columns, size);
        im = Nd4j.create(DataType.DOUBLE, columns, size);
    }

    boolean fits(int n, int s) {
        return images == n && size == s;
    }

    /** Real images, {@code [S, N S]}: element {@code (i, n S + j) = x_n[i][j]}. */
    INDArray input() {
        return input;
    }

    INDArray stageRe() {
        return stageRe;
    }

    INDArray stageIm() {
        return stageIm;
    }

    /** {@link #stageRe()} read as {@code [S N, S]} (same memory). */
    INDArray stageReRows() {
        return stageReRows;
    }

    /** {@link #stageIm()} read as {@code [S N, S]} (same memory). */
    INDArray stageImRows() {
        return stageImRows;
    }

    /** Real part of spectra (or of a cotangent), {@code [S N, S]}, row {@code k1 N + n}. */
    INDArray re() {
        return re;
    }

    /** Imaginary part, same layout as {@link #re()}. */
    INDArray im() {
        return im;
    }

    /**
     * Copies {@code [n, S, S]} images (any type and order) into images {@code first..first+n-1}
     * of {@link #input()}.
     */
    void load(INDArray imagesNss, int first) {
        long n = imagesNss.size(0);
        input.reshape('c', size, images, size).get(NDArrayIndex.all(), NDArrayIndex.interval(first, first + n),
                NDArrayIndex.all()).assign(imagesNss.castTo(DataType.DOUBLE).permute(1, 0, 2));
    }

    /** {@link #input()} as a new c-order float64 {@code [N, S, S]} array. */
    INDArray unload() {
        return input.reshape('c', size, images, size).permute(1, 0, 2).dup('c');
    }
}
