package dev.nca.plugins.schedule.multi.step;

import dev.nca.support.frames.TimeWeighting;
import java.util.Objects;

/**
 * What a {@link RandomHorizonRun} draws, from the validated recipe parameters.
 *
 * @param batches          mini-batches per epoch (their gradients make one update)
 * @param replacement      whether the starts of a mini-batch are drawn with replacement
 * @param maxSteps         largest horizon in frames; a multi-step epoch draws k uniformly in
 *                         {@code 1..maxSteps} per mini-batch
 * @param intermediate     whether every frame 1..k is a target, or only frame k
 * @param weighting        the target weights when {@code intermediate}
 * @param singleStepEpochs the epochs {@code 0..singleStepEpochs-1} are single-step (k = 1)
 * @param noise            a in {@code [0, 1)}: start frames become {@code (1 - a) x + a U(valueMin, valueMax)};
 *                         0 leaves them (and the random streams drawn) untouched
 * @param noiseMode        how the noise enters (ignored when {@code noise = 0})
 * @param propagate        p in {@code [0, 1]}: in multi-step epochs, the probability that a sample whose start
 *                         frame has a stored model state starts from it; 0 stores nothing
 */
record HorizonSettings(int batches, boolean replacement, int maxSteps, boolean intermediate,
                       TimeWeighting weighting, int singleStepEpochs, double noise, StartNoise.Mode noiseMode,
                       double propagate) {

    HorizonSettings {
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(noiseMode, "noiseMode");
        if (batches < 1 || maxSteps < 1 || singleStepEpochs < 0) {
            throw new IllegalArgumentException("batches and maxSteps must be >= 1 and singleStepEpochs >= 0, got "
                    + batches + ", " + maxSteps + ", " + singleStepEpochs);
        }
        if (!(noise >= 0 && noise < 1)) {
            throw new IllegalArgumentException("noise must be in [0, 1), got " + noise);
        }
        if (!(propagate >= 0 && propagate <= 1)) {
            throw new IllegalArgumentException("propagate must be in [0, 1], got " + propagate);
        }
    }
}
