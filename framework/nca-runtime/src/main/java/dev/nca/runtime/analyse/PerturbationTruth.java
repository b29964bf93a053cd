package dev.nca.runtime.analyse;

import dev.nca.api.NcaException;
import dev.nca.api.Split;
import dev.nca.api.TrueDynamics;
import dev.nca.runtime.experiment.ExperimentPlan;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether a perturbation analysis also runs the dataset's true system, and on what clock.
 *
 * @param rollouts the truth on the NCA's clock, when it is run
 * @param note     why it is not run (empty when it is)
 */
public record PerturbationTruth(Optional<TruthRollouts> rollouts, String note) {

    /** What the user asked for. */
    public enum Wanted {
        /** Run the truth when the dataset offers it, else say so in a note. */
        AUTO,
        /** Run the truth; an error when it cannot be run. */
        REQUIRED,
        /** Do not run the truth. */
        OFF
    }

    /**
     * Decides.
     *
     * @param plan         the model's experiment plan
     * @param split        the split the start state comes from (the truth matches its frames)
     * @param wanted       what the user asked for
     * @param allChannels  whether hidden channels are perturbed too (the truth has none)
     * @param frameSpacing NCA steps per frame
     * @param observable   C_obs
     * @param measured     every step the truth will be compared at (the perturbation step and the
     *                     perturbation step plus each measured step after it)
     * @throws NcaException when the truth is required but cannot be run, or a step is not a whole
     *                      number of steps of the true system
     */
    public static PerturbationTruth resolve(ExperimentPlan plan, Split split, Wanted wanted, boolean allChannels,
                                            int frameSpacing, int observable, int[] measured) {
        if (wanted == Wanted.OFF) {
            return new PerturbationTruth(Optional.empty(), "the true system was not run (--no-truth)");
        }
        String dataset = "dataset \"" + plan.dataset().entry().name() + "\"";
        if (allChannels) {
            String why = "--all-channels perturbs hidden channels, which the true system does not have";
            if (wanted == Wanted.REQUIRED) {
                throw new NcaException(why + "; drop --truth or --all-channels");
            }
            return new PerturbationTruth(Optional.empty(), why + ": model only");
        }
        Optional<TrueDynamics> truth = plan.trueDynamics(split, OptionalInt.empty());
        if (truth.isEmpty()) {
            String why = dataset + " (" + plan.dataset().entry().origin() + ") cannot simulate its true system from a"
                    + " given state with these parameters";
            if (wanted == Wanted.REQUIRED) {
                throw new NcaException(why + "; drop --truth");
            }
            return new PerturbationTruth(Optional.empty(), why + ": model only");
        }
        TruthRollouts rollouts = new TruthRollouts(truth.get(), frameSpacing, observable);
        for (int step : measured) {
            try {
                rollouts.nativeSteps(step);
            } catch (NcaException e) {
                throw new NcaException(dataset + ": " + e.getMessage() + "; choose --at and --every accordingly, or"
                        + " --no-truth", e);
            }
        }
        return new PerturbationTruth(Optional.of(rollouts), "");
    }
}
