package dev.nca.runtime.analyse;

import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Rolls a batch of states from one recorded step to the next, reporting progress after each
 * segment; for a model the update masks come from one generator, so a seed reproduces the whole run.
 */
final class SteppedRollout {

    /** Advances states from one step to a later one. */
    @FunctionalInterface
    interface Segment {
        /** The states {@code to - from} steps after {@code state} ({@code [B, C, S, S]}, not modified). */
        INDArray advance(INDArray state, int from, int to);
    }

    private SteppedRollout() {
    }

    /**
     * @param engine   the model's engine
     * @param params   its parameters
     * @param start    {@code [B, C, S, S]}, not modified
     * @param steps    increasing steps >= 1 at which to return the states
     * @param seed     seed of the update masks
     * @param progress told after each segment
     * @param task     the progress label
     * @return the states {@code [B, C, S, S]} at each of {@code steps}, in order
     */
    static List<INDArray> run(NcaEngine engine, NcaParameters params, INDArray start, int[] steps, long seed,
                              Progress progress, String task) {
        SplittableRandom masks = new SplittableRandom(seed);
        return run(start, steps, progress, task, (state, from, to) ->
                engine.rollout(params, state, to - from, new int[0], masks, false).finalState());
    }

    /**
     * @param start    {@code [B, C, S, S]}, not modified
     * @param steps    increasing steps >= 1 at which to return the states
     * @param progress told after each segment
     * @param task     the progress label
     * @param segment  advances the states from one step to the next
     * @return the states at each of {@code steps}, in order
     */
    static List<INDArray> run(INDArray start, int[] steps, Progress progress, String task, Segment segment) {
        List<INDArray> out = new ArrayList<>(steps.length);
        INDArray state = start;
        int at = 0;
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] <= at) {
                throw new IllegalArgumentException("steps must increase from 1, got " + steps[i] + " after " + at);
            }
            state = segment.advance(state, at, steps[i]);
            at = steps[i];
            out.add(state);
            progress.report(task, i + 1, steps.length);
        }
        return out;
    }
}
