package dev.nca.plugins.schedules.stratified;

import dev.nca.api.MiniBatch;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-run state of {@link StratifiedSchedule}.
 *
 * <p>Epoch e draws from the stream {@code stratified/epoch/<e>}, so a plan depends only on the
 * seed and the epoch. For each of the {@code batches} mini-batches: a horizon k uniform in
 * {@code 1..maxSteps}, then for each of the {@code minibatch} samples a phase with the recipe's
 * probabilities and a frame uniformly among the frames labelled with that phase that have
 * {@code i + k < T} (independent draws: with replacement). Start states, steps and targets as in
 * multi-step training: frame i with zero hidden channels, {@code k * frameSpacing} steps, frame
 * {@code i + j} at step {@code j * frameSpacing} with weight {@code w_j} ({@link TimeWeighting};
 * only {@code j = k} without {@code intermediate}). Sample keys are {@code r T + i}. Nothing is
 * propagated: {@link #accept} checks the shape and drops the final states.
 */
final class StratifiedRun implements ScheduleRun {

    /**
     * @param batches      mini-batches per epoch
     * @param maxSteps     the largest horizon in frames, below T
     * @param intermediate whether every frame up to the horizon is a target
     * @param weighting    the target weights with {@code intermediate}
     */
    record Settings(int batches, int maxSteps, boolean intermediate, TimeWeighting weighting) {
    }

    private final ScheduleContext context;
    private final Settings settings;
    private final FrameRows frames;
    private final PhaseStrata strata;
    private final PhaseWeights weights;

    StratifiedRun(ScheduleContext context, Settings settings, FrameRows frames, PhaseStrata strata,
                  PhaseWeights weights) {
        this.context = context;
        this.settings = settings;
        this.frames = frames;
        this.strata = strata;
        this.weights = weights;
    }

    @Override
    public List<MiniBatch> planEpoch(int epoch) {
        SplittableRandom rng = context.random().stream(StratifiedSchedule.NAME + "/epoch/" + epoch);
        List<MiniBatch> plan = new ArrayList<>(settings.batches());
        for (int n = 0; n < settings.batches(); n++) {
            int k = 1 + rng.nextInt(settings.maxSteps());
            int[] starts = new int[context.minibatch()];
            for (int b = 0; b < starts.length; b++) {
                starts[b] = strata.draw(weights.draw(rng), k, rng);
            }
            plan.add(batch(starts, k));
        }
        return plan;
    }

    private MiniBatch batch(int[] starts, int k) {
        int spacing = context.frameSpacing();
        double[] w = (settings.intermediate() ? settings.weighting() : TimeWeighting.FINAL).weights(k);
        List<Target> targets = new ArrayList<>();
        for (int j = 1; j <= k; j++) {
            if (w[j - 1] > 0) {
                targets.add(new Target(Math.multiplyExact(j, spacing), frames.gather(starts, j), w[j - 1]));
            }
        }
        INDArray start = context.initialState(frames.gather(starts, 0));
        return new MiniBatch(start, Math.multiplyExact(k, spacing), targets, starts);
    }

    @Override
    public void accept(MiniBatch batch, INDArray finalStates) {
        if (!Arrays.equals(finalStates.shape(), batch.start().shape())) {
            throw new IllegalArgumentException("final states " + Arrays.toString(finalStates.shape())
                    + " do not match the mini-batch start " + Arrays.toString(batch.start().shape()));
        }
        // Nothing is propagated: every start state of this schedule is taken from the data.
    }
}
