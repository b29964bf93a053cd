package dev.nca.plugins.schedule.growing;

import dev.nca.api.MiniBatch;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.ScheduleState;
import dev.nca.api.Target;
import dev.nca.support.damage.DiscDamage;
import dev.nca.support.lattice.Lattices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Per-run state of {@link GrowingSchedule}: the sample pool, the seed and the target.
 *
 * <p>Keys are pool slots. Each epoch draws {@code batches * minibatch} distinct slots, so no
 * slot appears twice in one epoch and {@link #accept} may write final states back at once. Start
 * arrays handed out are fresh copies; later pool writes never change them.
 *
 * <p>Random streams (from the context's source), per epoch e: {@code growing/sample/e} picks
 * the slots, {@code growing/horizon/e} the rollout length of each mini-batch, in order,
 * {@code growing/damage/e} the damage discs (three doubles per disc, best sample first, mini-batch
 * after mini-batch).
 *
 * <p>Resume: the streams are named by the epoch, so the pool is the only state carried between
 * epochs. {@link #saveState()} gives the written slots (increasing, integer list
 * {@code pool_slots}) and their states (array {@code pool_states} {@code [N, C, S, S]} in the
 * context's data type); untouched slots hold the seed, which {@link GrowingSchedule#start}
 * rebuilds. A full pool is large: {@code P C S^2} values (1024 x 12 x 36 x 36 float32, the
 * teacher-lizard recipe, is 64 MB).
 */
final class GrowingRun implements ScheduleRun {

    private static final String SLOTS = "pool_slots";
    private static final String STATES = "pool_states";

    private final ScheduleContext context;
    private final GrowingSettings settings;
    private final SamplePool pool;
    private final INDArray target;
    private final boolean[] handedOut;

    /**
     * @param context the run's context
     * @param settings validated settings, consistent with the context
     * @param target  {@code [C_obs, S, S]} the image every sample must grow into; copied
     */
    GrowingRun(ScheduleContext context, GrowingSettings settings, INDArray target) {
        this.context = context;
        this.settings = settings;
        this.target = target.castTo(context.dtype()).dup('c');
        int size = (int) target.size(1);
        INDArray seed = SeedState.create(context.channels(), size, settings.alphaChannel(), settings.seedRow(),
                settings.seedColumn(), context.dtype());
        this.pool = new SamplePool(settings.poolSize(), seed);
        this.handedOut = new boolean[settings.poolSize()];
    }

    /** The pool (for tests and diagnostics). */
    SamplePool pool() {
        return pool;
    }

    @Override
    public List<MiniBatch> planEpoch(int epoch) {
        Arrays.fill(handedOut, false);
        int b = settings.minibatch();
        int[] slots = pool.sample(settings.batches() * b, context.random().stream("growing/sample/" + epoch));
        SplittableRandom horizons = context.random().stream("growing/horizon/" + epoch);
        SplittableRandom damage = context.random().stream("growing/damage/" + epoch);
        boolean damaging = settings.damaged() > 0 && epoch >= settings.damageStartEpoch();
        List<MiniBatch> plan = new ArrayList<>(settings.batches());
        for (int m = 0; m < settings.batches(); m++) {
            int[] keys = Arrays.copyOfRange(slots, m * b, (m + 1) * b);
            int steps = horizons.nextInt(settings.minSteps(), settings.maxSteps() + 1);
            plan.add(batch(keys, steps, damaging ? damage : null));
            for (int k : keys) {
                handedOut[k] = true;
            }
        }
        return plan;
    }

    /** One mini-batch: pool states, the worst reseeded, the best damaged (when {@code damage != null}). */
    private MiniBatch batch(int[] keys, int steps, SplittableRandom damage) {
        int b = keys.length;
        long[] shape = pool.stateShape();
        INDArray start = Nd4j.create(context.dtype(), b, shape[0], shape[1], shape[2]);
        INDArray observed = Nd4j.create(context.dtype(), b, target.size(0), shape[1], shape[2]);
        for (int i = 0; i < b; i++) {
            start.get(NDArrayIndex.point(i)).assign(pool.state(keys[i]));
            observed.get(NDArrayIndex.point(i)).assign(target);
        }
        int[] order = TargetDistance.worstFirst(TargetDistance.of(start, observed));
        for (int k = 0; k < settings.replaceWorst(); k++) {
            start.get(NDArrayIndex.point(order[k])).assign(pool.seed());
        }
        if (damage != null) {
            for (int k = 0; k < settings.damaged(); k++) {
                DiscDamage disc = DiscDamage.draw(damage, (int) shape[1], settings.damageRadiusMin(),
                        settings.damageRadiusMax(), settings.damageCentreSpread(), settings.damageWrap());
                disc.apply(start.get(NDArrayIndex.point(order[b - 1 - k])));
            }
        }
        return new MiniBatch(start, steps, List.of(new Target(steps, observed, 1.0)), keys);
    }

    @Override
    public Optional<ScheduleState> saveState() {
        int[] written = pool.writtenSlots();
        ScheduleState.Builder state = ScheduleState.builder().ints(SLOTS, written);
        if (written.length > 0) {
            INDArray[] states = new INDArray[written.length];
            for (int i = 0; i < written.length; i++) {
                states[i] = pool.state(written[i]);
            }
            INDArray stacked = Nd4j.stack(0, states);
            state.array(STATES, stacked);
            stacked.close(); // the builder keeps its own copy
        }
        return Optional.of(state.build());
    }

    @Override
    public void restoreState(ScheduleState state) {
        int[] written = state.ints(SLOTS);
        pool.restore(written, written.length == 0 ? null : state.array(STATES));
    }

    /**
     * Writes each sample's final state into its pool slot.
     *
     * @throws IllegalArgumentException if the shapes differ from the mini-batch's start, or a key
     *                                  was not handed out by the last {@link #planEpoch} or was
     *                                  already accepted since
     */
    @Override
    public void accept(MiniBatch batch, INDArray finalStates) {
        Lattices.checkFinalStates(batch, finalStates);
        int[] keys = batch.keys();
        for (int k : keys) {
            if (k < 0 || k >= handedOut.length || !handedOut[k]) {
                throw new IllegalArgumentException("key " + k
                        + " is not a pool slot handed out by the last planEpoch and not yet accepted");
            }
        }
        for (int i = 0; i < keys.length; i++) {
            pool.put(keys[i], finalStates.get(NDArrayIndex.point(i)));
            handedOut[keys[i]] = false;
        }
    }
}
