package dev.nca.core.support;

import dev.nca.api.MiniBatch;
import dev.nca.api.ScheduleRun;
import dev.nca.api.Target;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Always the same start states and targets, in one or two mini-batches. */
public final class FixedPairsSchedule implements ScheduleRun {

    private final INDArray start;
    private final INDArray target;
    private final int steps;
    public int accepted;
    public int closed;

    public FixedPairsSchedule(INDArray start, INDArray target, int steps) {
        this.start = start;
        this.target = target;
        this.steps = steps;
    }

    @Override
    public List<MiniBatch> planEpoch(int epoch) {
        int half = (int) start.size(0) / 2;
        return List.of(batch(0, half), batch(half, (int) start.size(0)));
    }

    private MiniBatch batch(int from, int to) {
        var idx = org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to);
        int[] keys = java.util.stream.IntStream.range(from, to).toArray();
        return new MiniBatch(start.get(idx).dup(), steps, List.of(new Target(steps, target.get(idx).dup(), 1.0)), keys);
    }

    @Override
    public void accept(MiniBatch batch, INDArray finalStates) {
        if (finalStates.size(0) != batch.size()) {
            throw new AssertionError("final states do not match the batch");
        }
        accepted++;
    }

    @Override
    public void close() {
        closed++;
    }
}
