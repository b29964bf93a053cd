package dev.nca.api;

import java.util.Objects;
import java.util.OptionalInt;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What a {@link Dataset} is asked to generate besides its parameters.
 *
 * @param split  training or held-out initial conditions
 * @param random the random source for this split (already specific to it; derive streams from it)
 * @param dtype  data type of the returned frames
 * @param frames when present, the number of frames T to produce instead of the parameters'
 *               default (used by evaluation to run longer than training, e.g. 2048 steps)
 * @param models the host's service for running trained NCA (e.g. a teacher checkpoint)
 */
public record DataRequest(Split split, RandomSource random, DataType dtype, OptionalInt frames, NcaModels models) {
    public DataRequest {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(models, "models");
    }

    /** A request without a model service ({@link NcaModels#unavailable()}). */
    public DataRequest(Split split, RandomSource random, DataType dtype, OptionalInt frames) {
        this(split, random, dtype, frames, NcaModels.unavailable());
    }

    /** A training request with the parameters' default length. */
    public static DataRequest training(RandomSource random, DataType dtype) {
        return new DataRequest(Split.TRAIN, random, dtype, OptionalInt.empty());
    }
}
