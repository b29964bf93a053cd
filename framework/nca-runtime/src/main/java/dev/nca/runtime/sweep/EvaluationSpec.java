package dev.nca.runtime.sweep;

import dev.nca.api.Split;
import dev.nca.runtime.evaluate.EvaluationRun;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The {@code [evaluation]} table of a sweep file: how every point's best checkpoint is evaluated
 * after training, as {@code nca evaluate --steps STEPS --at AT --threshold THETA --from SPLIT --set KEY=VALUE}.
 *
 * @param steps     horizon in NCA steps
 * @param at        steps whose errors go into the report (empty: evenly spaced defaults)
 * @param threshold for binary data, the threshold of the wrong-cell fraction
 * @param split     trajectories compared with (held-out by default)
 * @param data      changed {@code data.params.KEY -> VALUE} of the points' recipes for the evaluation only,
 *                  e.g. {@code data.params.noise -> 0} to measure models trained on noisy data against clean data
 */
public record EvaluationSpec(int steps, long[] at, OptionalDouble threshold, Split split, Map<String, String> data) {

    public EvaluationSpec {
        at = at.clone();
        data = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(data));
    }

    /** The evaluation to run on a point's checkpoint. */
    public EvaluationRun run() {
        return new EvaluationRun(steps, at, threshold, split);
    }
}
