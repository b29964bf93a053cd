package dev.nca.plugins.schedule.multi.step;

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
 * Per-run state of {@link SingleStepSchedule} and {@link MultiStepSchedule}.
 *
 * <p>Each epoch holds {@link HorizonSettings#batches()} mini-batches. A mini-batch has one
 * horizon of k frames (1 in single-step epochs, uniform in {@code 1..maxSteps} otherwise), because
 * a {@link MiniBatch} has one step count; its start frames {@code (r, i)} are drawn uniformly among
 * those with {@code i + k < T} (see {@link StartSampler}). Start states {@code [B, C, S, S]} (the
 * context's data type) have zero hidden channels ({@link ScheduleContext#initialState}); their
 * observable channels are the data frames i, or with {@link HorizonSettings#noise()} {@code = a > 0}
 * the frames blended with uniform noise, {@code (1 - a) x + a U(valueMin, valueMax)} (see
 * {@link StartNoise}). The mini-batch rolls {@code k * frameSpacing} NCA steps; the targets are the
 * clean frames {@code i + j} at step {@code j * frameSpacing} with weight {@code w_j} for the
 * frames j that carry weight (only {@code j = k} unless {@code intermediate}); see
 * {@link TimeWeighting}. Sample keys are the start frame's row {@code r T + i}.
 *
 * <p>Randomness: epoch e draws its plan, mini-batch after mini-batch (horizon, then starts), from
 * the stream {@code single-step/epoch/<e>} when it is a single-step epoch and
 * {@code multi-step/epoch/<e>} otherwise, so a plan depends only on the seed and the epoch, not
 * on the order of calls, and the curriculum epochs of {@code multi-step} are exactly the epochs
 * {@code single-step} would plan. With noise, the uniforms come, mini-batch after mini-batch and
 * element by element, from the separate stream {@code single-step/noise/<e>} or
 * {@code multi-step/noise/<e>} (same prefix as the plan stream), so noise changes no horizon or
 * start; without noise that stream is never opened. {@link #accept} checks the shape of the final
 * states and, without {@link HorizonSettings#propagate()}, drops them: every start comes from the
 * data.
 *
 * <p>With {@code propagate = p > 0}, {@link #accept} stores a copy of each sample's final state as
 * the state of frame {@code (r, i + k)}, the frame its horizon ended on (see {@link StoredStates};
 * k is recovered as {@code steps / frameSpacing}). In multi-step epochs, after the plan of a
 * mini-batch is drawn, one uniform u per sample comes from the stream
 * {@code multi-step/propagate/<e>}; a sample with {@code u < p} whose start frame has a stored
 * state starts from a copy of it (hidden channels included, no noise) instead of the data. The
 * store starts empty with every run; states stored in curriculum epochs are used from the first
 * multi-step epoch on.
 *
 * <p>Resume: every random stream is named by the epoch, so the only state carried between epochs
 * is the store. {@link #saveState()} gives it as the integer list {@code stored_rows} and the
 * array {@code stored_states} {@code [N, C, S, S]} (see {@link StoredStates#save}); without
 * propagation the state is empty.
 */
final class RandomHorizonRun implements ScheduleRun {

    /** Prefix of the names of the store's entries in the saved state. */
    private static final String STORE_PREFIX = "stored_";

    private final ScheduleContext context;
    private final HorizonSettings settings;
    private final FrameRows frames;
    /** Null when the settings ask for no noise. */
    private final StartNoise noise;
    /** Null when the settings ask for no propagation. */
    private final StoredStates stored;

    /**
     * @param context  the data {@code [R, T, C_obs, S, S]} (with {@code T > maxSteps}), sizes,
     *                 random source and data type
     * @param settings what to draw; with noise, the data's value range must be a finite interval
     */
    RandomHorizonRun(ScheduleContext context, HorizonSettings settings) {
        if (settings.maxSteps() >= context.data().length()) {
            throw new IllegalArgumentException("horizon of " + settings.maxSteps() + " frames needs more than "
                    + settings.maxSteps() + " frames per trajectory, the data have " + context.data().length());
        }
        this.context = context;
        this.settings = settings;
        this.frames = new FrameRows(context.data(), context.dtype());
        this.noise = settings.noise() > 0
                ? new StartNoise(settings.noiseMode(), settings.noise(), context.data().valueMin(),
                        context.data().valueMax())
                : null;
        this.stored = settings.propagate() > 0
                ? new StoredStates(frames.trajectories(), frames.frames(), context.dtype())
                : null;
    }

    @Override
    public List<MiniBatch> planEpoch(int epoch) {
        boolean singleStep = epoch < settings.singleStepEpochs();
        String prefix = singleStep ? SingleStepSchedule.NAME : MultiStepSchedule.NAME;
        SplittableRandom rng = context.random().stream(prefix + "/epoch/" + epoch);
        SplittableRandom noiseRng = noise == null ? null : context.random().stream(prefix + "/noise/" + epoch);
        SplittableRandom propagateRng = stored == null || singleStep ? null
                : context.random().stream(prefix + "/propagate/" + epoch);
        List<MiniBatch> plan = new ArrayList<>(settings.batches());
        for (int n = 0; n < settings.batches(); n++) {
            int k = singleStep ? 1 : 1 + rng.nextInt(settings.maxSteps());
            int[] starts = StartSampler.draw(frames, k, context.minibatch(), settings.replacement(), rng);
            MiniBatch batch = batch(starts, k, noiseRng);
            if (propagateRng != null) {
                startFromStoredStates(batch, propagateRng);
            }
            plan.add(batch);
        }
        return plan;
    }

    /** Replaces, with probability p each, the starts whose frame has a stored state by a copy of it. */
    private void startFromStoredStates(MiniBatch batch, SplittableRandom propagateRng) {
        int[] starts = batch.keys();
        for (int b = 0; b < starts.length; b++) {
            // drawn for every sample, stored state or not, so the draws do not depend on the store
            double u = propagateRng.nextDouble();
            if (u < settings.propagate() && stored.has(starts[b])) {
                stored.copyInto(starts[b], batch.start().slice(b));
            }
        }
    }

    /** One mini-batch from the data; {@code noiseRng} is null exactly when there is no noise. */
    private MiniBatch batch(int[] starts, int k, SplittableRandom noiseRng) {
        int spacing = context.frameSpacing();
        double[] weights = (settings.intermediate() ? settings.weighting() : TimeWeighting.FINAL).weights(k);
        List<Target> targets = frames.targets(starts, k, spacing, weights);
        INDArray observed = frames.gather(starts, 0);
        if (noise != null) {
            noise.applyInPlace(observed, noiseRng);
        }
        INDArray start = context.initialState(observed);
        return new MiniBatch(start, Math.multiplyExact(k, spacing), targets, starts);
    }

    @Override
    public void accept(MiniBatch batch, INDArray finalStates) {
        Lattices.checkFinalStates(batch, finalStates);
        if (stored != null) { // else nothing is propagated: every start state is taken from the data
            stored.storeFinal(batch, context.frameSpacing(), finalStates);
        }
        BatchRelease.release(batch, finalStates);
    }

    @Override
    public Optional<ScheduleState> saveState() {
        return Optional.of(stored == null ? ScheduleState.empty()
                : stored.save(ScheduleState.builder(), STORE_PREFIX).build());
    }

    @Override
    public void restoreState(ScheduleState state) {
        if (stored == null) {
            ScheduleRun.super.restoreState(state);
            return;
        }
        stored.restore(state, STORE_PREFIX, context.channels(), context.data().size());
    }

    /** The number of frames holding a stored model state (0 without propagation). */
    int storedStates() {
        return stored == null ? 0 : stored.size();
    }
}
