package dev.nca.testkit;

import dev.nca.api.MiniBatch;
import dev.nca.api.ScheduleRun;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Final states a test hands back to a schedule's {@link ScheduleRun#accept} whose values say where
 * they came from, for tests of schedules that store final states and start later samples from
 * them ({@code propagate}): the expected store is kept by the test, independently of the
 * schedule's.
 */
public final class RecognisableStates {

    private RecognisableStates() {
    }

    /**
     * Final states for mini-batch n of an epoch, every value of sample b, channel c equal to
     * {@code 1000 (n + 1) + 10 b + c + tag}.
     *
     * @return {@code [B, C, S, S]} float64, the shape of the mini-batch's start
     */
    public static INDArray of(MiniBatch batch, int n, double tag) {
        INDArray states = Nd4j.zeros(DataType.DOUBLE, batch.start().shape());
        for (int b = 0; b < batch.size(); b++) {
            for (int c = 0; c < states.size(1); c++) {
                states.slice(b).slice(c).assign(1000.0 * (n + 1) + 10.0 * b + c + tag);
            }
        }
        return states;
    }

    /**
     * Accepts {@link #of recognisable} final states for every mini-batch of a plan (batch n with
     * {@code of(batch, n, tag)}) and records in {@code expected}, by frame row, the state each
     * sample leaves: a sample with start key {@code r T + i} rolled {@code steps / frameSpacing}
     * frames leaves its final state for row {@code key + steps / frameSpacing}; later samples
     * overwrite earlier ones.
     */
    public static void acceptAll(ScheduleRun run, List<MiniBatch> plan, double tag, int frameSpacing,
                                 Map<Integer, double[]> expected) {
        for (int n = 0; n < plan.size(); n++) {
            MiniBatch batch = plan.get(n);
            INDArray finals = of(batch, n, tag);
            int k = batch.steps() / frameSpacing;
            for (int b = 0; b < batch.size(); b++) {
                expected.put(batch.keys()[b] + k, NdValues.of(finals.slice(b)));
            }
            run.accept(batch, finals);
        }
    }
}
