package dev.nca.runtime.evaluate;

import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaParameters;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls a trained NCA forward from one state and hands every recorded state to a {@link FrameSink},
 * one at a time, so that long simulations need memory for one state only.
 *
 * <p>Recorded steps are 0 (the start state), every {@code every}-th step, and the last step. Update
 * masks (when the update probability is below 1) come from one generator seeded by the caller, so a
 * seed reproduces a simulation exactly. Not thread-safe (the engine is not).
 */
public final class Simulator {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    /** Receives the recorded states of a simulation in step order. */
    @FunctionalInterface
    public interface FrameSink {
        /**
         * @param step  NCA steps since the start state, 0 for the start state
         * @param state the full state {@code [C, S, S]} (observable then hidden channels), a fresh copy the
         *              sink may keep
         */
        void accept(int step, INDArray state);
    }

    private final NcaEngine engine;
    private final NcaParameters params;

    /**
     * @param engine the engine of the model, for the lattice size of the start states
     * @param params the model's parameters, in the engine's data type; not modified
     */
    public Simulator(NcaEngine engine, NcaParameters params) {
        this.engine = engine;
        this.params = params;
    }

    /**
     * The steps a simulation of {@code steps} steps records when recording every {@code every} steps:
     * {@code 0, every, 2 every, ...} and {@code steps} itself.
     *
     * @throws IllegalArgumentException unless {@code steps >= 1} and {@code every >= 1}
     */
    public static int[] recordedSteps(int steps, int every) {
        if (steps < 1 || every < 1) {
            throw new IllegalArgumentException("need steps >= 1 and every >= 1, got " + steps + " and " + every);
        }
        int count = steps / every + 1 + (steps % every == 0 ? 0 : 1);
        int[] out = new int[count];
        for (int i = 0; i < count - 1; i++) {
            out[i] = i * every;
        }
        out[count - 1] = steps;
        return out;
    }

    /**
     * Runs the simulation.
     *
     * @param start {@code [1, C, S, S]} start state; not modified
     * @param steps NCA steps to run, >= 1
     * @param every record every this many steps, >= 1
     * @param seed  seed of the update masks
     * @param sink  receives the states at {@link #recordedSteps(int, int)}
     */
    public void run(INDArray start, int steps, int every, long seed, FrameSink sink) {
        if (start.rank() != 4 || start.size(0) != 1) {
            throw new IllegalArgumentException("start must be one state [1, C, S, S], got "
                    + Arrays.toString(start.shape()));
        }
        int[] record = recordedSteps(steps, every);
        SplittableRandom masks = new SplittableRandom(seed);
        INDArray state = start;
        boolean warned = false;
        sink.accept(0, start.slice(0).dup('c'));
        for (int i = 1; i < record.length; i++) {
            state = engine.rollout(params, state, record[i] - record[i - 1], new int[0], masks, false).finalState();
            INDArray frame = state.slice(0).dup('c');
            if (!warned && !isFinite(frame)) {
                LOG.warn("the simulation diverged: the state holds NaN or infinite values by step {}", record[i]);
                warned = true;
            }
            sink.accept(record[i], frame);
        }
    }

    private static boolean isFinite(INDArray a) {
        return Double.isFinite(a.sumNumber().doubleValue());
    }
}
