package dev.nca.api;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained NCA loaded by {@link NcaModels}. Not thread-safe: use one per thread.
 */
public interface NcaModel {

    /** C, the channels of a state (observable first, then hidden). */
    int channels();

    /** C_obs, the channels the model was trained to match with data. */
    int observable();

    /** The boundary condition the model runs with. */
    Boundary boundary();

    /**
     * Runs the model forward.
     *
     * @param state      {@code [B, C, S, S]} start states (any S >= 3); not modified
     * @param steps      NCA steps, >= 0
     * @param maskRandom draws the stochastic update masks (unused if every cell always updates)
     * @return the states after {@code steps} steps, {@code [B, C, S, S]}, in the model's data type
     */
    INDArray run(INDArray state, int steps, SplittableRandom maskRandom);
}
