package dev.nca.plugins.schedule.transitions;

import dev.nca.api.MiniBatch;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.ScheduleState;
import dev.nca.api.Target;
import dev.nca.api.Trajectories;
import dev.nca.support.frames.FrameRows;
import dev.nca.support.lattice.BatchRelease;
import dev.nca.support.lattice.Lattices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Per-run state of {@link TransitionsSchedule}.
 *
 * <p>Sample keys are {@code k = r * M + m} for trajectory r and transition m ({@code M = T - 1}).
 * The state store holds one start state per key, {@code [R M, C S S]} in the context's data type,
 * initialised from the data (observable channels) and zeros (hidden channels). {@link #accept}
 * only buffers final states; they are written into the store (final of {@code (r, m)} becomes the
 * start of {@code (r, m+1)}) at the beginning of the next {@link #planEpoch}, as in lines 22-26 of
 * Algorithm 2, so every prediction of one epoch starts from the previous epoch's states. Start
 * arrays handed out are copies: later bookkeeping never changes them. {@link #accept} keeps a
 * private copy of each propagated state (freed once written) and then frees the mini-batch's
 * arrays and the final states ({@link BatchRelease}).
 *
 * <p>Random streams (from the context's source): {@code transitions/shuffle/<epoch>} orders the
 * samples, {@code transitions/noise/<epoch>} draws the start-state noise.
 *
 * <p>Resume: the streams are named by the epoch, so the state carried between epochs is the store
 * alone. {@link #saveState()} gives the keys whose start state is a propagated prediction (in
 * increasing order, integer list {@code propagated_keys}; the buffered finals are written into the
 * store first, which {@link #planEpoch} would do anyway) and their states, array
 * {@code propagated_states} {@code [N, C, S, S]} in the context's data type. Every other start
 * state is the data's, rebuilt by {@link TransitionsSchedule#start}. For the quickstart (2
 * trajectories of 33 frames, one propagated, 8 x 32 x 32 float32) that is N = 31 states, 1 MB.
 */
final class TransitionsRun implements ScheduleRun {

    private static final String KEYS = "propagated_keys";
    private static final String STATES = "propagated_states";

    private final ScheduleContext context;
    private final int reinitialised;
    private final boolean propagate;
    private final double noise;
    private final int trajectories;
    private final int frames;
    private final int transitions;
    private final int size;
    private final int observable;
    private final FrameRows data;
    private final INDArray states;
    private final boolean[] fromData;
    private final Map<Integer, INDArray> pending = new LinkedHashMap<>();

    TransitionsRun(ScheduleContext context, int reinitialised, boolean propagate, double noise) {
        this.context = context;
        this.reinitialised = reinitialised;
        this.propagate = propagate;
        this.noise = noise;
        Trajectories t = context.data();
        trajectories = t.trajectories();
        frames = t.length();
        transitions = frames - 1;
        size = t.size();
        observable = t.channels();
        data = new FrameRows(t, context.dtype());
        int[] startRows = new int[trajectories * transitions];
        for (int k = 0; k < startRows.length; k++) {
            startRows[k] = dataRow(k);
        }
        INDArray observedStarts = data.gather(startRows, 0);
        states = context.initialState(observedStarts).dup('c')
                .reshape(startRows.length, (long) context.channels() * size * size);
        fromData = new boolean[startRows.length];
        Arrays.fill(fromData, true);
    }

    /** Row of {@link #data} holding the start frame y[r][m] of key k. */
    private int dataRow(int key) {
        return (key / transitions) * frames + key % transitions;
    }

    @Override
    public List<MiniBatch> planEpoch(int epoch) {
        applyPending();
        int[] order = shuffledKeys(context.random().stream("transitions/shuffle/" + epoch));
        SplittableRandom noiseStream = context.random().stream("transitions/noise/" + epoch);
        List<MiniBatch> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += context.minibatch()) {
            int[] keys = Arrays.copyOfRange(order, from, Math.min(order.length, from + context.minibatch()));
            batches.add(batch(keys, noiseStream));
        }
        return batches;
    }

    private MiniBatch batch(int[] keys, SplittableRandom noiseStream) {
        int b = keys.length;
        INDArray start = Nd4j.create(context.dtype(), b, context.channels(), size, size);
        Nd4j.pullRows(states, start.reshape(b, states.size(1)), 1, keys);
        if (noise > 0) {
            for (int i = 0; i < b; i++) {
                if (fromData[keys[i]]) {
                    addNoise(start.get(NDArrayIndex.point(i), NDArrayIndex.interval(0, observable)), noiseStream);
                }
            }
        }
        int[] startRows = new int[b];
        for (int i = 0; i < b; i++) {
            startRows[i] = dataRow(keys[i]);
        }
        INDArray observed = data.gather(startRows, 1);
        int t = context.frameSpacing();
        return new MiniBatch(start, t, List.of(new Target(t, observed, 1.0)), keys);
    }

    /** x <- (1 - a) x + a u, u uniform in [valueMin, valueMax], for one sample's observable channels. */
    private void addNoise(INDArray observedPart, SplittableRandom rng) {
        double lo = context.data().valueMin();
        double hi = context.data().valueMax();
        double[] u = new double[Math.toIntExact(observedPart.length())];
        for (int i = 0; i < u.length; i++) {
            u[i] = hi > lo ? rng.nextDouble(lo, hi) : lo;
        }
        INDArray uniform = Nd4j.create(u, observedPart.shape(), context.dtype());
        observedPart.muli(1 - noise).addi(uniform.muli(noise));
    }

    private int[] shuffledKeys(SplittableRandom rng) {
        int[] keys = new int[trajectories * transitions];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = k;
        }
        for (int i = keys.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = keys[i];
            keys[i] = keys[j];
            keys[j] = swap;
        }
        return keys;
    }

    @Override
    public void accept(MiniBatch batch, INDArray finalStates) {
        Lattices.checkFinalStates(batch, finalStates);
        int[] keys = batch.keys();
        for (int i = 0; i < keys.length; i++) {
            int k = keys[i];
            if (k < 0 || k >= states.size(0)) {
                throw new IllegalArgumentException("key " + k + " was not handed out by this schedule run");
            }
            boolean propagated = propagate && k / transitions >= reinitialised;
            if (propagated && k % transitions + 1 < transitions) {
                pending.put(k, finalStates.slice(i).dup('c'));
            }
        }
        BatchRelease.release(batch, finalStates);
    }

    @Override
    public Optional<ScheduleState> saveState() {
        applyPending(); // what the next planEpoch does first: it changes no plan
        int[] keys = IntStream.range(0, fromData.length).filter(k -> !fromData[k]).toArray();
        ScheduleState.Builder state = ScheduleState.builder().ints(KEYS, keys);
        if (keys.length > 0) {
            INDArray pulled = Nd4j.pullRows(states, 1, keys);
            state.array(STATES, pulled.reshape(keys.length, context.channels(), size, size));
            pulled.close(); // the builder keeps its own copy
        }
        return Optional.of(state.build());
    }

    @Override
    public void restoreState(ScheduleState state) {
        int[] keys = state.ints(KEYS);
        for (int i = 0; i < keys.length; i++) {
            int k = keys[i];
            boolean propagates = k >= 0 && k < fromData.length && propagate && k / transitions >= reinitialised
                    && k % transitions > 0;
            if (!propagates || i > 0 && k <= keys[i - 1]) {
                throw new IllegalArgumentException("propagated key " + k + " is not, in increasing order, a transition "
                        + "m >= 1 of a propagated trajectory (" + trajectories + " trajectories of " + transitions
                        + " transitions, the first " + reinitialised + " from the data, propagate = " + propagate + ")");
            }
        }
        INDArray saved = keys.length == 0 ? null
                : state.array(STATES, context.dtype(), keys.length, context.channels(), size, size);
        pending.clear();
        for (int i = 0; i < keys.length; i++) {
            states.getRow(keys[i]).assign(saved.slice(i).reshape(states.size(1)));
            fromData[keys[i]] = false;
        }
    }

    /** Writes buffered final states of (r, m) as the start states of (r, m + 1). */
    private void applyPending() {
        for (Map.Entry<Integer, INDArray> e : pending.entrySet()) {
            int next = e.getKey() + 1;
            states.getRow(next).assign(e.getValue().reshape(states.size(1)));
            fromData[next] = false;
            e.getValue().close();
        }
        pending.clear();
    }
}
