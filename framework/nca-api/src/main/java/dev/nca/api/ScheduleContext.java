package dev.nca.api;

import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What a {@link TrainingSchedule} gets to plan a run.
 *
 * @param data         the training trajectories {@code [R, T, C_obs, S, S]}
 * @param channels     C, total channels of the NCA state (observable first, then hidden)
 * @param frameSpacing t, NCA steps between consecutive frames
 * @param minibatch    the recipe's mini-batch size (samples per mini-batch)
 * @param random       the schedule's random source
 * @param dtype        data type of the states to build
 */
public record ScheduleContext(Trajectories data, int channels, int frameSpacing, int minibatch,
                              RandomSource random, DataType dtype) {

    public ScheduleContext {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(dtype, "dtype");
        if (channels < data.channels()) {
            throw new IllegalArgumentException("channels " + channels + " < observable channels " + data.channels());
        }
        if (frameSpacing < 1 || minibatch < 1) {
            throw new IllegalArgumentException("frameSpacing and minibatch must be >= 1");
        }
    }

    /** C_obs, the observable channels. */
    public int observable() {
        return data.channels();
    }

    /**
     * A full state {@code [B, C, S, S]} whose observable channels are copied from
     * {@code observed} ({@code [B, C_obs, S, S]}) and whose hidden channels are zero.
     */
    public INDArray initialState(INDArray observed) {
        long b = observed.size(0);
        long s = observed.size(2);
        INDArray state = Nd4j.zeros(dtype, b, channels, s, s);
        state.get(NDArrayIndex.all(), NDArrayIndex.interval(0, observable()), NDArrayIndex.all(), NDArrayIndex.all())
                .assign(observed);
        return state;
    }
}
