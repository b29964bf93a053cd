package dev.nca.core.engine;

import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient checkpointing around any engine: a rollout longer than k steps runs in segments of at
 * most k steps without a tape, keeping only the state at the start of each segment; the backward
 * pass rolls each segment again with a tape (last segment first) and back-propagates through it,
 * handing d loss / d segment start on to the segment before. Tape memory is then about
 * {@code k * inner.tapeBytesPerStep(B)} plus one state per segment, for one extra forward pass.
 *
 * <p>k is the largest number of steps whose tape fits the memory budget (at least 1). Rollouts of
 * at most k steps run on the inner engine unchanged. For longer ones with q &lt; 1, each segment
 * draws its update masks from its own random source seeded by one {@code nextLong()} of the given
 * source (the same for the taped and untaped rollout, so both agree); the masks are then different
 * draws than the inner engine alone would make, with the same distribution.
 *
 * <p>Not thread-safe, like every engine; closing it closes the inner engine.
 */
public final class CheckpointingEngine implements NcaEngine {

    private final NcaEngine inner;
    private final long budgetBytes;

    /**
     * @param inner       the engine that runs the segments (owned: closed with this one)
     * @param budgetBytes tape memory budget in bytes, > 0
     */
    public CheckpointingEngine(NcaEngine inner, long budgetBytes) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("tape memory budget must be > 0, got " + budgetBytes);
        }
        this.inner = inner;
        this.budgetBytes = budgetBytes;
    }

    /** Steps per segment for rollouts of {@code batch} samples: the most whose tape fits the budget, >= 1. */
    public int segmentSteps(int batch) {
        long perStep = Math.max(1, inner.tapeBytesPerStep(batch));
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, budgetBytes / perStep));
    }

    @Override
    public Rollout rollout(NcaParameters params, INDArray start, int steps, int[] recordSteps,
                           SplittableRandom maskRandom, boolean keepTape) {
        int k = segmentSteps((int) start.size(0));
        if (steps <= k) {
            Rollout r = inner.rollout(params, start, steps, recordSteps, maskRandom, keepTape);
            return keepTape ? new Rollout(new TreeMap<>(r.states()), r.finalState(), steps, new InnerTape(this, r)) : r;
        }
        for (int s : recordSteps) {
            if (s < 1 || s > steps) {
                throw new IllegalArgumentException("record step " + s + " outside 1.." + steps);
            }
        }
        TreeMap<Integer, INDArray> recorded = new TreeMap<>();
        List<INDArray> starts = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        INDArray state = start.castTo(dataType());
        for (int from = 0; from < steps; from += k) {
            int len = Math.min(k, steps - from);
            long seed = maskRandom.nextLong();
            starts.add(state);
            seeds.add(seed);
            List<Integer> local = new ArrayList<>();
            for (int s : recordSteps) {
                if (s > from && s <= from + len) {
                    local.add(s - from);
                }
            }
            Rollout r = inner.rollout(params, state, len, local.stream().mapToInt(Integer::intValue).toArray(),
                    new SplittableRandom(seed), false);
            for (Map.Entry<Integer, INDArray> e : r.states().entrySet()) {
                recorded.put(e.getKey() + from, e.getValue());
            }
            state = r.finalState();
        }
        Rollout.Tape tape = keepTape ? new SegmentTape(this, k, starts, seeds) : null;
        return new Rollout(recorded, state, steps, tape);
    }

    @Override
    public INDArray backward(NcaParameters params, Rollout rollout, Map<Integer, INDArray> gradients,
                             NcaParameters grads) {
        if (rollout.hasTape() && rollout.tape(this, Rollout.Tape.class) instanceof InnerTape t) {
            return inner.backward(params, t.rollout(), gradients, grads);
        }
        SegmentTape tape = rollout.tape(this, SegmentTape.class);
        int k = tape.segmentSteps();
        INDArray carried = null;
        for (int seg = tape.starts().size() - 1; seg >= 0; seg--) {
            int from = seg * k;
            int len = Math.min(k, rollout.steps() - from);
            Map<Integer, INDArray> local = new HashMap<>();
            for (Map.Entry<Integer, INDArray> e : gradients.entrySet()) {
                if (e.getKey() > from && e.getKey() <= from + len) {
                    local.put(e.getKey() - from, e.getValue());
                }
            }
            if (carried != null) {
                INDArray atEnd = local.get(len);
                local.put(len, atEnd == null ? carried : atEnd.castTo(dataType()).add(carried));
            }
            Rollout r = inner.rollout(params, tape.starts().get(seg), len, new int[0],
                    new SplittableRandom(tape.seeds().get(seg)), true);
            carried = inner.backward(params, r, local, grads);
        }
        return carried;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public NcaConfig config() {
        return inner.config();
    }

    @Override
    public int size() {
        return inner.size();
    }

    @Override
    public DataType dataType() {
        return inner.dataType();
    }

    @Override
    public long tapeBytes() {
        return inner.tapeBytes();
    }

    @Override
    public long tapeBytesPerStep(int batch) {
        return inner.tapeBytesPerStep(batch);
    }

    @Override
    public EngineProfile profile() {
        return inner.profile();
    }

    @Override
    public String describe() {
        return inner.describe() + ", gradient checkpointing within " + (budgetBytes >> 20) + " MiB of tape";
    }

    @Override
    public long forwardFlopsPerSampleStep() {
        return inner.forwardFlopsPerSampleStep();
    }

    @Override
    public void close() {
        inner.close();
    }

    /** A rollout short enough to run in one piece: the inner engine's rollout and tape. */
    private record InnerTape(NcaEngine owner, Rollout rollout) implements Rollout.Tape {
    }

    /** The segment length, the start state of each segment and the seed of its masks. */
    private record SegmentTape(NcaEngine owner, int segmentSteps, List<INDArray> starts, List<Long> seeds)
            implements Rollout.Tape {
    }
}
