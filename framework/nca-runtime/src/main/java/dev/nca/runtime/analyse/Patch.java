package dev.nca.runtime.analyse;

import dev.nca.api.NcaException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A square local perturbation: {@code amplitude} added to the first {@code channels} channels of
 * every cell of a {@code side} x {@code side} square.
 *
 * @param side      the square's side in cells, 1..S
 * @param amplitude the value added (may be negative), finite and non-zero
 * @param channels  how many leading channels are perturbed (the observable ones, or all)
 */
public record Patch(int side, double amplitude, int channels) {

    public Patch {
        if (side < 1) {
            throw new NcaException("the patch side must be at least 1 cell, got " + side);
        }
        if (!Double.isFinite(amplitude) || amplitude == 0) {
            throw new NcaException("the patch amplitude must be a finite non-zero number, got " + amplitude);
        }
        if (channels < 1) {
            throw new NcaException("a patch must perturb at least one channel, got " + channels);
        }
    }

    /**
     * Checks that the patch fits a lattice of side {@code size}.
     *
     * @throws NcaException naming both sizes otherwise
     */
    public void requireFits(int size) {
        requireFits(side, size);
    }

    /**
     * Checks that a square of side {@code side} fits a lattice of side {@code size}.
     *
     * @throws NcaException naming both sizes otherwise
     */
    static void requireFits(int side, int size) {
        if (side > size) {
            throw new NcaException("the patch (" + side + " x " + side + " cells) is larger than the lattice ("
                    + size + " x " + size + ")");
        }
    }

    /**
     * Adds the patch with its top-left cell at (row, col) to sample {@code b} of {@code states}
     * {@code [B, C, S, S]}, in place.
     */
    public void addTo(INDArray states, int b, int row, int col) {
        INDArray region = states.get(NDArrayIndex.point(b), NDArrayIndex.interval(0, channels),
                NDArrayIndex.interval(row, row + side), NDArrayIndex.interval(col, col + side));
        region.addi(amplitude);
    }
}
