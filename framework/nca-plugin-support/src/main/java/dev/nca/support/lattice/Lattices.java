package dev.nca.support.lattice;

import dev.nca.api.MiniBatch;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Shape checks and float64 copies of {@code [B, C, S, S]} lattice arrays, for losses (prediction
 * against target) and schedules (final states against the mini-batch start).
 */
public final class Lattices {

    private Lattices() {
    }

    /**
     * Checks that prediction and target are both {@code [B, C, S, S]} of the same shape and that
     * the gradient output, when given, has that shape too.
     *
     * @throws IllegalArgumentException naming the shapes otherwise
     */
    public static void checkPair(INDArray prediction, INDArray target, INDArray gradientOut) {
        if (prediction.rank() != 4 || !Arrays.equals(prediction.shape(), target.shape())
                || prediction.size(2) != prediction.size(3)) {
            throw new IllegalArgumentException("prediction and target must both be [B, C, S, S] of the same shape, got "
                    + Arrays.toString(prediction.shape()) + " and " + Arrays.toString(target.shape()));
        }
        if (gradientOut != null && !Arrays.equals(gradientOut.shape(), prediction.shape())) {
            throw new IllegalArgumentException("gradientOut must have the prediction's shape "
                    + Arrays.toString(prediction.shape()) + ", got " + Arrays.toString(gradientOut.shape()));
        }
    }

    /** All entries in C (row-major) order as a new float64 Java array. */
    public static double[] values(INDArray a) {
        INDArray contiguous = a.ordering() == 'c' && !a.isView() && a.offset() == 0 && a.data().length() == a.length()
                ? a : a.dup('c');
        // asDouble converts float32 buffers as it copies
        return contiguous.data().asDouble();
    }

    /**
     * Checks that the final states handed to {@link dev.nca.api.ScheduleRun#accept} have the shape of
     * the mini-batch's start states.
     *
     * @throws IllegalArgumentException naming both shapes otherwise
     */
    public static void checkFinalStates(MiniBatch batch, INDArray finalStates) {
        if (!Arrays.equals(finalStates.shape(), batch.start().shape())) {
            throw new IllegalArgumentException("final states " + Arrays.toString(finalStates.shape())
                    + " do not match the mini-batch start " + Arrays.toString(batch.start().shape()));
        }
    }
}
