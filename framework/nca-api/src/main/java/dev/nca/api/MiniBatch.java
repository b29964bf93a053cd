package dev.nca.api;

import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One mini-batch of a training epoch: B start states rolled forward {@code steps} NCA steps,
 * compared with targets along the way. The trainer back-propagates through the whole rollout.
 *
 * <p>A sample's loss is {@code sum_targets weight * L(state_b(step), observed_b)}; the epoch loss
 * is the mean of sample losses over every sample of every mini-batch of the epoch.
 *
 * @param start   {@code [B, C, S, S]} full states (observable then hidden channels); the trainer
 *                does not modify it
 * @param steps   number of NCA steps to roll (>= the largest target step)
 * @param targets comparisons, in increasing step order
 * @param keys    B identifiers the schedule uses to recognise the samples when the final states
 *                come back through {@link ScheduleRun#accept(MiniBatch, INDArray)}
 */
public record MiniBatch(INDArray start, int steps, List<Target> targets, int[] keys) {
    public MiniBatch {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(keys, "keys");
        if (start.rank() != 4) {
            throw new IllegalArgumentException("start must be [B, C, S, S], got rank " + start.rank());
        }
        if (keys.length != start.size(0)) {
            throw new IllegalArgumentException("need one key per sample: " + keys.length + " keys, "
                    + start.size(0) + " samples");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a mini-batch needs at least one target");
        }
        int last = 0;
        for (Target t : targets) {
            if (t.step() <= last || t.step() > steps) {
                throw new IllegalArgumentException("target steps must increase within 1.." + steps + ", got " + t.step());
            }
            if (t.observed().size(0) != start.size(0)) {
                throw new IllegalArgumentException("target batch size " + t.observed().size(0)
                        + " differs from start batch size " + start.size(0));
            }
            last = t.step();
        }
        targets = List.copyOf(targets);
        keys = keys.clone();
    }

    /** B, the number of samples. */
    public int size() {
        return (int) start.size(0);
    }
}
