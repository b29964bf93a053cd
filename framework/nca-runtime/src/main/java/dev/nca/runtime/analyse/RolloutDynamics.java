package dev.nca.runtime.analyse;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A system a perturbation analysis rolls on, in NCA steps: the model ({@link ModelRollouts}) or the
 * true system of its dataset ({@link TruthRollouts}).
 */
public interface RolloutDynamics {

    /** The channels compared: the leading {@code observable()} channels of a state. */
    int observable();

    /**
     * The states {@code steps[i]} NCA steps after {@code start}.
     *
     * @param start    {@code [B, C, S, S]}, not modified
     * @param steps    increasing steps >= 1
     * @param progress told after each step of {@code steps}
     * @param task     the progress label
     * @return the states {@code [B, C, S, S]} at each of {@code steps}, in order
     */
    List<INDArray> roll(INDArray start, int[] steps, Progress progress, String task);
}
