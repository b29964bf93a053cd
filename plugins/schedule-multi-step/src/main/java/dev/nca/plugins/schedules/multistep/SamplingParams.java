package dev.nca.plugins.schedules.multistep;

import dev.nca.api.NcaException;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.ScheduleContext;

/** Parameters and data checks shared by {@code single-step} and {@code multi-step}. */
final class SamplingParams {

    static final String BATCHES = "batches";
    static final String REPLACEMENT = "replacement";

    private SamplingParams() {
    }

    static ParamSpec batches() {
        return ParamSpec.integer(BATCHES, 1L, 1, 100_000,
                "mini-batches per epoch, each of [training] minibatch samples; their gradients make one update");
    }

    static ParamSpec replacement() {
        return ParamSpec.bool(REPLACEMENT, false,
                "false: the starts of a mini-batch are distinct (at most as many as there are eligible frames); "
                        + "true: independent uniform draws, repeats possible");
    }

    static int batches(Params params) {
        return params.getInt(BATCHES);
    }

    static boolean replacement(Params params) {
        return params.getBoolean(REPLACEMENT);
    }

    /** Rejects data with fewer than two frames per trajectory (no transition to learn). */
    static void requireTransitions(String schedule, ScheduleContext context) {
        int frames = context.data().length();
        if (frames < 2) {
            throw new NcaException("schedule '" + schedule + "' needs trajectories of at least 2 frames "
                    + "(a start frame and the frame after it), but the data have T = " + frames);
        }
    }
}
