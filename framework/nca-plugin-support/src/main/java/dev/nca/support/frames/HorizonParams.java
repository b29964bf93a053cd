package dev.nca.support.frames;

import dev.nca.api.ParamSpec;
import dev.nca.api.Params;

/**
 * The recipe keys of schedules that roll samples a horizon of k frames ahead ({@code multi-step},
 * {@code stratified}): {@code max_steps}, {@code intermediate} and {@code time_weighting}, declared
 * and read in one place so that every such schedule spells and checks them the same way.
 */
public final class HorizonParams {

    /** The largest horizon in frames. */
    public static final String MAX_STEPS = "max_steps";
    /** Whether every frame 1..k is a target, or only frame k. */
    public static final String INTERMEDIATE = "intermediate";
    /** The {@link TimeWeighting} of the targets with {@code intermediate}. */
    public static final String TIME_WEIGHTING = "time_weighting";

    private HorizonParams() {
    }

    /** {@code max_steps}, an integer in 1..10000 with the given default. */
    public static ParamSpec maxSteps(long defaultValue) {
        return ParamSpec.integer(MAX_STEPS, defaultValue, 1, 10_000,
                "largest horizon in frames; each mini-batch draws k uniformly in 1..max_steps (needs T > max_steps)");
    }

    /** {@code intermediate}, a boolean, false by default. */
    public static ParamSpec intermediate() {
        return ParamSpec.bool(INTERMEDIATE, false,
                "whether every frame 1..k ahead is a target (weighted by time_weighting) or only frame k");
    }

    /** {@code time_weighting}, one of {@link TimeWeighting#choices()}, uniform by default. */
    public static ParamSpec timeWeighting() {
        return ParamSpec.text(TIME_WEIGHTING, TimeWeighting.UNIFORM.recipeName(), TimeWeighting.choices(),
                "with intermediate: weights of frames j = 1..k, uniform 1/k, linear 2j/(k(k+1)) or final "
                        + "(frame k only); they sum to 1");
    }

    /**
     * The validated {@code max_steps}.
     *
     * @param frames T, the frames per trajectory of the training data
     * @throws dev.nca.api.InvalidParameterException naming the key when {@code max_steps >= T}
     */
    public static int maxSteps(Params params, int frames) {
        int maxSteps = params.getInt(MAX_STEPS);
        if (maxSteps >= frames) {
            throw params.invalid(MAX_STEPS, "at most T - 1 = " + (frames - 1) + ": the data have T = " + frames
                    + " frames per trajectory, and a horizon of k frames needs a start frame followed by k more");
        }
        return maxSteps;
    }
}
