package dev.nca.plugins.schedule.stratified;

import dev.nca.api.MiniBatch;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.ScheduleState;
import dev.nca.api.Target;
import dev.nca.support.frames.FrameRows;
import dev.nca.support.lattice.BatchRelease;
import dev.nca.support.lattice.Lattices;
import dev.nca.support.frames.StoredStates;
import dev.nca.support.frames.TimeWeighting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-run state of {@link StratifiedSchedule}.
 *
 * <p>Epoch e draws from the stream {@code stratified/epoch/<e>}, so a plan depends only on the
 * seed, the epoch and (with {@code propagate}) the states accepted before. For each of the
 * {@code batches} mini-batches: a horizon k uniform in {@code 1..maxSteps}, then for each of the
 * {@code minibatch} samples a phase with the recipe's probabilities, a frame uniformly among the
 * frames labelled with that phase that have {@code i + k < T} (independent draws: with
 * replacement) and, only if {@code propagate > 0}, a uniform number u in [0, 1). Steps and targets
 * as in multi-step training: {@code k * frameSpacing} steps, frame {@code i + j} at step
 * {@code j * frameSpacing} with weight {@code w_j} ({@link TimeWeighting}; only {@code j = k}
 * without {@code intermediate}). Sample keys are the start rows {@code r T + i}.
 *
 * <p>Start states: frame i with zero hidden channels, unless {@code u < propagate} and a model
 * state is stored for frame (r, i); then a copy of that state, hidden channels included.
 * {@link #accept} stores a copy of each sample's final state as the state of frame
 * {@code (r, i + k)}, the frame its horizon ended on, replacing any older one; k is recovered as
 * {@code batch.steps() / frameSpacing}. With {@code propagate = 0} nothing is stored and the plans
 * are those of plain stratified training. The store starts empty with every run.
 *
 * <p>Resume: the streams are named by the epoch, so the only state carried between epochs is the
 * store, saved as the integer list {@code stored_rows} and the array {@code stored_states}
 * {@code [N, C, S, S]} ({@link StoredStates#save}); without {@code propagate} the state is empty.
 */
final class StratifiedRun implements ScheduleRun {

    /**
     * @param batches      mini-batches per epoch
     * @param maxSteps     the largest horizon in frames, below T
     * @param intermediate whether every frame up to the horizon is a target
     * @param weighting    the target weights with {@code intermediate}
     * @param propagate    the probability, in [0, 1], that a sample whose start frame has a stored
     *                     model state starts from it
     */
    record Settings(int batches, int maxSteps, boolean intermediate, TimeWeighting weighting, double propagate) {
    }

    /** Prefix of the names of the store's entries in the saved state. */
    private static final String STORE_PREFIX = "stored_";

    private final ScheduleContext context;
    private final Settings settings;
    private final FrameRows frames;
    private final PhaseStrata strata;
    private final PhaseWeights weights;
    private final StoredStates stored;

    StratifiedRun(ScheduleContext context, Settings settings, FrameRows frames, PhaseStrata strata,
                  PhaseWeights weights) {
        this.context = context;
        this.settings = settings;
        this.frames = frames;
        this.strata = strata;
        this.weights = weights;
        this.stored = new StoredStates(frames.trajectories(), frames.frames(), context.dtype());
    }

    @Override
    public List<MiniBatch> planEpoch(int epoch) {
        SplittableRandom rng = context.random().stream(StratifiedSchedule.NAME + "/epoch/" + epoch);
        List<MiniBatch> plan = new ArrayList<>(settings.batches());
        for (int n = 0; n < settings.batches(); n++) {
            int k = 1 + rng.nextInt(settings.maxSteps());
            int[] starts = new int[context.minibatch()];
            boolean[] fromStore = new boolean[starts.length];
            for (int b = 0; b < starts.length; b++) {
                starts[b] = strata.draw(weights.draw(rng), k, rng);
                if (settings.propagate() > 0) {
                    // drawn whether or not a state is stored, so the draws do not depend on the store
                    double u = rng.nextDouble();
                    fromStore[b] = u < settings.propagate() && stored.has(starts[b]);
                }
            }
            plan.add(batch(starts, fromStore, k));
        }
        return plan;
    }

    private MiniBatch batch(int[] starts, boolean[] fromStore, int k) {
        int spacing = context.frameSpacing();
        double[] w = (settings.intermediate() ? settings.weighting() : TimeWeighting.FINAL).weights(k);
        List<Target> targets = frames.targets(starts, k, spacing, w);
        INDArray start = context.initialState(frames.gather(starts, 0));
        for (int b = 0; b < starts.length; b++) {
            if (fromStore[b]) {
                stored.copyInto(starts[b], start.slice(b));
            }
        }
        return new MiniBatch(start, Math.multiplyExact(k, spacing), targets, starts);
    }

    @Override
    public void accept(MiniBatch batch, INDArray finalStates) {
        Lattices.checkFinalStates(batch, finalStates);
        if (settings.propagate() > 0) { // else stored states would never be used
            stored.storeFinal(batch, context.frameSpacing(), finalStates);
        }
        BatchRelease.release(batch, finalStates);
    }

    @Override
    public Optional<ScheduleState> saveState() {
        return Optional.of(settings.propagate() == 0 ? ScheduleState.empty()
                : stored.save(ScheduleState.builder(), STORE_PREFIX).build());
    }

    @Override
    public void restoreState(ScheduleState state) {
        if (settings.propagate() == 0) {
            ScheduleRun.super.restoreState(state);
            return;
        }
        stored.restore(state, STORE_PREFIX, context.channels(), context.data().size());
    }

    /** The number of frames holding a stored model state (0 without {@code propagate}). */
    int storedStates() {
        return stored.size();
    }
}
