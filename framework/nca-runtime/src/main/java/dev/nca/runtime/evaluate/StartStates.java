package dev.nca.runtime.evaluate;

import dev.nca.api.Trajectories;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Initial NCA states taken from data: the observable channels copied from one frame, the hidden
 * channels zero (as in training).
 */
public final class StartStates {

    private StartStates() {
    }

    /**
     * Frame {@code frame} of every trajectory.
     *
     * @param data     trajectories {@code [R, T, C_obs, S, S]}
     * @param frame    0..T-1
     * @param channels C >= C_obs, the NCA's total channels
     * @param dtype    FLOAT or DOUBLE
     * @return a new c-order array {@code [R, C, S, S]}
     */
    public static INDArray all(Trajectories data, int frame, int channels, DataType dtype) {
        INDArray observed = data.frames().get(NDArrayIndex.all(), NDArrayIndex.point(frame));
        return fill(observed, channels, dtype);
    }

    /**
     * Frame {@code frame} of trajectory {@code trajectory}.
     *
     * @return a new c-order array {@code [1, C, S, S]}
     */
    public static INDArray one(Trajectories data, int trajectory, int frame, int channels, DataType dtype) {
        INDArray observed = data.frames().get(NDArrayIndex.interval(trajectory, trajectory + 1),
                NDArrayIndex.point(frame));
        return fill(observed, channels, dtype);
    }

    /**
     * The seed of a growing NCA: one living cell in the centre {@code (S/2, S/2)} whose last observable
     * channel (alpha for RGBA) and hidden channels are 1; everything else 0.
     *
     * @return a new c-order array {@code [1, C, S, S]}
     */
    public static INDArray seedCell(int channels, int observable, int size, DataType dtype) {
        INDArray state = Nd4j.zeros(dtype, 1, channels, size, size);
        for (int c = observable - 1; c < channels; c++) {
            state.putScalar(new long[] {0, c, size / 2, size / 2}, 1.0);
        }
        return state;
    }

    private static INDArray fill(INDArray observed, int channels, DataType dtype) {
        long r = observed.size(0);
        long cObs = observed.size(1);
        long s = observed.size(2);
        if (channels < cObs) {
            throw new IllegalArgumentException("the NCA has " + channels + " channels, fewer than the data's " + cObs
                    + " observable ones");
        }
        INDArray state = Nd4j.zeros(dtype, r, channels, s, s);
        state.get(NDArrayIndex.all(), NDArrayIndex.interval(0, cObs)).assign(observed.castTo(dtype));
        return state;
    }
}
