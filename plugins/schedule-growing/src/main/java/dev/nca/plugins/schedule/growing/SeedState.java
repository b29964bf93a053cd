package dev.nca.plugins.schedule.growing;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The seed a growing NCA starts from: a single live cell in an otherwise empty lattice.
 *
 * <p>The state is {@code [C, S, S]}: zero everywhere except at cell {@code (row, column)}, where
 * every channel from the alpha channel up to {@code C - 1} (alpha and all hidden channels) is 1.
 * The colour channels before alpha stay 0, so the seed is a transparent-black but alive cell.
 */
final class SeedState {

    private SeedState() {
    }

    /**
     * Builds the seed.
     *
     * @param channels C, all state channels
     * @param size     S, the lattice side
     * @param alpha    index of the alpha channel, {@code 0 <= alpha < channels}
     * @param row      row of the live cell, {@code 0..S-1}
     * @param column   column of the live cell, {@code 0..S-1}
     * @param dtype    data type of the result
     * @return a new contiguous {@code [C, S, S]} array
     * @throws IllegalArgumentException if an index is out of range
     */
    static INDArray create(int channels, int size, int alpha, int row, int column, DataType dtype) {
        if (alpha < 0 || alpha >= channels) {
            throw new IllegalArgumentException("alpha channel " + alpha + " outside 0.." + (channels - 1));
        }
        if (row < 0 || row >= size || column < 0 || column >= size) {
            throw new IllegalArgumentException("seed cell (" + row + ", " + column + ") outside the " + size + "x"
                    + size + " lattice");
        }
        INDArray seed = Nd4j.zeros(dtype, channels, size, size);
        seed.get(NDArrayIndex.interval(alpha, channels), NDArrayIndex.point(row), NDArrayIndex.point(column))
                .assign(1.0);
        return seed;
    }
}
