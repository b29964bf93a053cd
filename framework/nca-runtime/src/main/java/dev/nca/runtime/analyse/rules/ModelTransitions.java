package dev.nca.runtime.analyse.rules;

import dev.nca.api.NcaException;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaParameters;
import dev.nca.runtime.analyse.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The transitions an NCA makes along its own rollouts: from start states it runs {@code steps}
 * steps one at a time and keeps the step from t to t + 1 for t = 0, every, 2 every, ...
 * (observable channels only: the hidden channels are what the fitted rule cannot see).
 */
public final class ModelTransitions {

    private ModelTransitions() {
    }

    /**
     * @param engine   the model's engine
     * @param params   its parameters
     * @param starts   {@code [B, C, S, S]} start states
     * @param steps    steps to roll, >= 1
     * @param every    keep every this many steps, >= 1
     * @param names    the observable channels' names
     * @param seed     seed of the update masks
     * @param progress told after every step
     * @return B transitions per kept step
     */
    public static List<Transition> collect(NcaEngine engine, NcaParameters params, INDArray starts, int steps,
                                           int every, List<String> names, long seed, Progress progress) {
        if (steps < 1 || every < 1) {
            throw new NcaException("steps and the sampling interval must be at least 1, got " + steps + " and "
                    + every);
        }
        SplittableRandom masks = new SplittableRandom(seed);
        List<Transition> out = new ArrayList<>();
        INDArray state = starts;
        for (int t = 0; t < steps; t++) {
            INDArray next = engine.rollout(params, state, 1, new int[0], masks, false).finalState();
            if (t % every == 0) {
                out.addAll(Transition.of(state, next, names, engine.config().boundary()));
            }
            state = next;
            progress.report("model steps", t + 1, steps);
        }
        return out;
    }
}
