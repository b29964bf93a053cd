package dev.nca.core.engine;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of {@link NcaEngine#rollout}: the states at the requested steps and the final state.
 * When made with a tape, it can be back-propagated once with {@link NcaEngine#backward} — but
 * only until the engine's next rollout with the same batch size, which reuses the tape.
 */
public final class Rollout {

    private final SortedMap<Integer, INDArray> states;
    private final INDArray finalState;
    private final int steps;
    final Workspace workspace;
    final long generation;

    Rollout(SortedMap<Integer, INDArray> states, INDArray finalState, int steps, Workspace workspace,
            long generation) {
        this.states = Collections.unmodifiableSortedMap(states);
        this.finalState = finalState;
        this.steps = steps;
        this.workspace = workspace;
        this.generation = generation;
    }

    /** Full states {@code [B, C, S, S]} at the recorded steps (1-based step numbers). */
    public Map<Integer, INDArray> states() {
        return states;
    }

    /** The state after the last step, {@code [B, C, S, S]}. */
    public INDArray finalState() {
        return finalState;
    }

    /** Number of steps rolled. */
    public int steps() {
        return steps;
    }

    /** Whether this rollout kept a tape for back-propagation. */
    public boolean hasTape() {
        return workspace != null;
    }
}
