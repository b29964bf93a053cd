package dev.nca.runtime.sweep;

import dev.nca.api.Split;
import dev.nca.runtime.evaluate.EvaluationRun;
import java.util.OptionalDouble;

/**
 * The {@code [evaluation]} table of a sweep file: how every point's best checkpoint is evaluated
 * after training, as {@code nca evaluate --steps STEPS --at AT --threshold THETA --from SPLIT}.
 *
 * @param steps     horizon in NCA steps
 * @param at        steps whose errors go into the report (empty: evenly spaced defaults)
 * @param threshold for binary data, the threshold of the wrong-cell fraction
 * @param split     trajectories compared with (held-out by default)
 */
public record EvaluationSpec(int steps, long[] at, OptionalDouble threshold, Split split) {

    public EvaluationSpec {
        at = at.clone();
    }

    /** The evaluation to run on a point's checkpoint. */
    public EvaluationRun run() {
        return new EvaluationRun(steps, at, threshold, split);
    }
}
