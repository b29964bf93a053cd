package dev.nca.core.engine;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of {@link NcaEngine#rollout}: the states at the requested steps and the final state.
 * When made with a tape, it can be back-propagated once with {@link NcaEngine#backward} of the
 * engine that made it — but only until that engine's next rollout with the same batch size,
 * which reuses the tape.
 */
public final class Rollout {

    /**
     * What an engine keeps for back-propagation; opaque to everyone but the engine that made it,
     * which checks with {@link #owner()} that a rollout handed to its backward pass is its own.
     */
    public interface Tape {
        /** The engine that made this tape. */
        NcaEngine owner();
    }

    private final SortedMap<Integer, INDArray> states;
    private final INDArray finalState;
    private final int steps;
    private final Tape tape;

    /**
     * For engines.
     *
     * @param states     full states {@code [B, C, S, S]} at the recorded steps (1-based)
     * @param finalState the state after the last step
     * @param steps      number of steps rolled
     * @param tape       what backward needs, or null for a rollout without a tape
     */
    public Rollout(SortedMap<Integer, INDArray> states, INDArray finalState, int steps, Tape tape) {
        this.states = Collections.unmodifiableSortedMap(states);
        this.finalState = Objects.requireNonNull(finalState, "finalState");
        this.steps = steps;
        this.tape = tape;
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
        return tape != null;
    }

    /**
     * The tape, cast to the type the calling engine keeps.
     *
     * @throws IllegalStateException when there is no tape or another engine made it
     */
    public <T extends Tape> T tape(NcaEngine engine, Class<T> type) {
        if (tape == null) {
            throw new IllegalStateException("the rollout was made without a tape");
        }
        if (tape.owner() != engine || !type.isInstance(tape)) {
            throw new IllegalStateException("the rollout was made by another engine (" + tape.owner().name() + ")");
        }
        return type.cast(tape);
    }
}
