package dev.nca.plugins.schedule.multi.step;

import dev.nca.api.NcaException;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import dev.nca.api.ScheduleContext;

/** Parameters and data checks shared by {@code single-step} and {@code multi-step}. */
final class SamplingParams {

    static final String BATCHES = "batches";
    static final String REPLACEMENT = "replacement";
    static final String NOISE = "noise";
    static final String PROPAGATE = "propagate";
    static final String NOISE_MODE = "noise_mode";

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

    static ParamSpec noise() {
        return ParamSpec.real(NOISE, 0.0, 0.0, 1.0,
                "a in [0, 1): every start state gets observable channels (1 - a) x + a U(valueMin, valueMax), "
                        + "drawn anew each epoch; targets are never noised");
    }

    static ParamSpec noiseMode() {
        return ParamSpec.text(NOISE_MODE, StartNoise.Mode.BLEND.recipeName(), StartNoise.Mode.choices(),
                "with noise = a > 0: blend gives (1 - a) x + a U(valueMin, valueMax), staying in the value range; "
                        + "additive gives x + a (valueMax - valueMin) U(-1, 1), symmetric around the data");
    }

    static StartNoise.Mode noiseMode(Params params) {
        return StartNoise.Mode.fromRecipe(params.getString(NOISE_MODE));
    }

    static ParamSpec propagate() {
        return ParamSpec.real(PROPAGATE, 0.0, 0.0, 1.0,
                "p in [0, 1]: in multi-step epochs, the probability that a sample whose start frame has a stored "
                        + "model state (the final state of an earlier sample whose horizon ended on that frame) "
                        + "starts from it instead of the data; 0 propagates nothing");
    }

    static int batches(Params params) {
        return params.getInt(BATCHES);
    }

    static boolean replacement(Params params) {
        return params.getBoolean(REPLACEMENT);
    }

    /**
     * The validated noise amount a. Rejects 1 (the declared range {@code [0, 1]} is closed, but at
     * a = 1 a start would be pure noise and carry nothing of the data) and, when a > 0, data whose
     * value range (where the uniform noise is drawn) is not a finite interval.
     */
    static double noise(String schedule, Params params, ScheduleContext context) {
        double noise = params.getDouble(NOISE);
        if (noise >= 1.0) {
            throw params.invalid(NOISE, "a number in [0, 1) (1 would replace the start frames by noise)");
        }
        double low = context.data().valueMin();
        double high = context.data().valueMax();
        if (noise > 0 && !isInterval(low, high)) {
            throw new NcaException("schedule '" + schedule + "' with noise = " + noise + " draws the noise uniformly "
                    + "in the data's value range, but the data declare [" + low + ", " + high + "], which is not a "
                    + "finite interval");
        }
        return noise;
    }

    /** Whether {@code [low, high]} is a finite, possibly degenerate, interval. */
    static boolean isInterval(double low, double high) {
        return Double.isFinite(low) && Double.isFinite(high) && low <= high;
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
