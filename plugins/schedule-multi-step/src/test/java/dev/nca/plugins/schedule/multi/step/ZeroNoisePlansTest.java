package dev.nca.plugins.schedule.multi.step;

import static dev.nca.testkit.DataFrames.hiddenOf;
import static dev.nca.testkit.DataFrames.observableOf;
import static dev.nca.testkit.DataFrames.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.MiniBatch;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.ScheduleContext;
import dev.nca.api.Target;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import dev.nca.testkit.DataFrames;
import dev.nca.testkit.NdValues;
import dev.nca.testkit.TestTrajectories;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code noise = 0} changes nothing: the plans are those of a recipe without the key, and the
 * keys and step counts are the literals recorded from the schedules before {@code noise} existed
 * (seed 41, R = 3 trajectories of T = 10 frames, 2 observable + 2 hidden channels, 4x4, frame
 * spacing 2).
 */
class ZeroNoisePlansTest {

    private static final int T = 10;
    private static final int SPACING = 2;
    private static final long SEED = 41;

    /** single-step, batches = 2, mini-batches of 4: keys of epochs 0 and 1, batch after batch. */
    private static final int[][] SINGLE_STEP_KEYS = {{12, 5, 10, 14}, {2, 15, 26, 24}, {17, 27, 15, 4}, {3, 7, 8, 2}};

    /** multi-step, batches = 3, curriculum_epochs = 1, mini-batches of 3: epochs 0, 1 and 2. */
    static final int[][] MULTI_STEP_KEYS = {{12, 5, 10}, {14, 20, 11}, {15, 28, 20}, {10, 24, 13}, {7, 6, 14},
            {1, 11, 2}, {11, 15, 25}, {0, 13, 14}, {13, 0, 22}};
    static final int[] MULTI_STEP_STEPS = {2, 2, 2, 8, 2, 14, 8, 10, 6};

    private static Trajectories data() {
        return TestTrajectories.random(3, T, 2, 4, 23);
    }

    /** Every mini-batch of epochs {@code 0..epochs-1}, in order. */
    private static List<MiniBatch> plans(TrainingSchedule schedule, Map<String, Object> raw, int minibatch, int epochs) {
        ScheduleContext ctx = new ScheduleContext(data(), 4, SPACING, minibatch, new RandomSource(SEED), DataType.DOUBLE);
        var run = schedule.start(Params.validate(schedule.parameters(), raw, "test"), ctx);
        List<MiniBatch> all = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            all.addAll(run.planEpoch(epoch));
        }
        return all;
    }

    private static Map<String, Object> with(Map<String, Object> raw, String key, Object value) {
        Map<String, Object> out = new HashMap<>(raw);
        out.put(key, value);
        return out;
    }

    @Test
    void singleStepWithZeroNoisePlansTheRecordedMiniBatches() {
        Map<String, Object> raw = Map.of("batches", 2L);
        List<MiniBatch> absent = plans(new SingleStepSchedule(), raw, 4, 2);
        List<MiniBatch> zero = plans(new SingleStepSchedule(), with(raw, "noise", 0.0), 4, 2);
        int[] steps = {2, 2, 2, 2};
        assertRecorded(absent, SINGLE_STEP_KEYS, steps);
        assertRecorded(zero, SINGLE_STEP_KEYS, steps);
        assertIdentical(zero, absent);
    }

    @Test
    void multiStepWithZeroNoisePlansTheRecordedMiniBatches() {
        Map<String, Object> raw = Map.of("batches", 3L, "curriculum_epochs", 1L);
        List<MiniBatch> absent = plans(new MultiStepSchedule(), raw, 3, 3);
        List<MiniBatch> zero = plans(new MultiStepSchedule(), with(raw, "noise", 0.0), 3, 3);
        assertRecorded(absent, MULTI_STEP_KEYS, MULTI_STEP_STEPS);
        assertRecorded(zero, MULTI_STEP_KEYS, MULTI_STEP_STEPS);
        assertIdentical(zero, absent);
        List<MiniBatch> intermediate = plans(new MultiStepSchedule(), with(with(raw, "noise", 0.0), "intermediate", true),
                3, 3);
        assertIdentical(intermediate, plans(new MultiStepSchedule(), with(raw, "intermediate", true), 3, 3));
    }

    /**
     * Keys and steps equal the literals; starts are the clean data frames of their keys with zero
     * hidden channels; the last target is the clean frame k ahead.
     */
    private static void assertRecorded(List<MiniBatch> plan, int[][] keys, int[] steps) {
        DataFrames index = new DataFrames(data());
        assertThat(plan).hasSize(keys.length);
        for (int n = 0; n < plan.size(); n++) {
            MiniBatch b = plan.get(n);
            assertThat(b.keys()).as("mini-batch %d keys", n).containsExactly(keys[n]);
            assertThat(b.steps()).as("mini-batch %d steps", n).isEqualTo(steps[n]);
            int k = b.steps() / SPACING;
            Target last = b.targets().get(b.targets().size() - 1);
            for (int s = 0; s < b.size(); s++) {
                int r = b.keys()[s] / T;
                int i = b.keys()[s] % T;
                assertThat(observableOf(b.start(), s, 2)).containsExactly(index.frame(r, i));
                assertThat(hiddenOf(b.start(), s, 2)).containsOnly(0.0);
                assertThat(sample(last.observed(), s)).containsExactly(index.frame(r, i + k));
            }
        }
    }

    /** Bit-identical plans: keys, steps, start values, target steps, weights and values. */
    static void assertIdentical(List<MiniBatch> actual, List<MiniBatch> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int n = 0; n < actual.size(); n++) {
            MiniBatch x = expected.get(n);
            MiniBatch y = actual.get(n);
            assertThat(y.keys()).isEqualTo(x.keys());
            assertThat(y.steps()).isEqualTo(x.steps());
            assertThat(NdValues.of(y.start())).as("start of mini-batch %d", n).containsExactly(NdValues.of(x.start()));
            assertThat(y.targets()).hasSameSizeAs(x.targets());
            for (int t = 0; t < x.targets().size(); t++) {
                assertThat(y.targets().get(t).step()).isEqualTo(x.targets().get(t).step());
                assertThat(y.targets().get(t).weight()).isEqualTo(x.targets().get(t).weight());
                assertThat(NdValues.of(y.targets().get(t).observed()))
                        .containsExactly(NdValues.of(x.targets().get(t).observed()));
            }
        }
    }
}
