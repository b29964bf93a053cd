package dev.nca.support.dynamics;

import dev.nca.api.TrueDynamics;
import dev.nca.support.lattice.Lattices;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link TrueDynamics} that runs one state at a time on float64 Java arrays: it checks the batch's
 * shape {@code [B, C_obs, S, S]}, hands each sample to {@link #advanceSample} as a row-major
 * {@code [C_obs * S * S]} copy and returns the results in the input's data type. Datasets implement
 * {@link #advanceSample} with their own simulator.
 */
public abstract class SampleDynamics implements TrueDynamics {

    private final int channels;
    private final int size;
    private final int stepsPerFrame;

    /**
     * @param channels      C_obs, the channels of the dataset's frames
     * @param size          S, the lattice side
     * @param stepsPerFrame native steps between consecutive frames, >= 1
     */
    protected SampleDynamics(int channels, int size, int stepsPerFrame) {
        if (channels < 1 || size < 1 || stepsPerFrame < 1) {
            throw new IllegalArgumentException("need channels, size and stepsPerFrame >= 1, got " + channels + ", "
                    + size + ", " + stepsPerFrame);
        }
        this.channels = channels;
        this.size = size;
        this.stepsPerFrame = stepsPerFrame;
    }

    @Override
    public final int stepsPerFrame() {
        return stepsPerFrame;
    }

    @Override
    public final INDArray advance(INDArray states, int steps) {
        if (states.rank() != 4 || states.size(1) != channels || states.size(2) != size || states.size(3) != size) {
            throw new IllegalArgumentException("states must be [B, " + channels + ", " + size + ", " + size
                    + "], got " + Arrays.toString(states.shape()));
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        double[] all = Lattices.values(states);
        int per = channels * size * size;
        double[] sample = new double[per];
        for (int b = 0; b < states.size(0); b++) {
            System.arraycopy(all, b * per, sample, 0, per);
            advanceSample(sample, steps);
            System.arraycopy(sample, 0, all, b * per, per);
        }
        return Nd4j.create(all, states.shape(), DataType.DOUBLE).castTo(states.dataType());
    }

    /**
     * Advances one state in place.
     *
     * @param sample {@code [C_obs * S * S]} row-major float64, channel by channel, in the frames' representation
     * @param steps  native steps, >= 0
     */
    protected abstract void advanceSample(double[] sample, int steps);
}
