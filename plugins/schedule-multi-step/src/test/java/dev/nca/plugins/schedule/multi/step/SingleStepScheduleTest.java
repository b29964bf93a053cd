package dev.nca.plugins.schedule.multi.step;

import static dev.nca.testkit.DataFrames.hiddenOf;
import static dev.nca.testkit.DataFrames.observableOf;
import static dev.nca.testkit.DataFrames.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.MiniBatch;
import dev.nca.api.NcaException;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.Target;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import dev.nca.testkit.DataFrames;
import dev.nca.testkit.NdValues;
import dev.nca.testkit.TestTrajectories;
import dev.nca.testkit.TrainingScheduleContract;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Contract plus sampling checks. Contract setting: R = 3 trajectories of T = 4 frames (9 eligible
 * starts), 2 observable + 2 hidden channels, 6x6, frame spacing 2, mini-batches of 4.
 */
class SingleStepScheduleTest extends TrainingScheduleContract {

    @Override
    protected TrainingSchedule schedule() {
        return new SingleStepSchedule();
    }

    private ScheduleRun start(Map<String, Object> raw, int minibatch, long seed) {
        ScheduleContext ctx = new ScheduleContext(data(), channels(), frameSpacing(), minibatch, new RandomSource(seed),
                DataType.DOUBLE);
        return schedule().start(Params.validate(schedule().parameters(), raw, "test [training.schedule_params]"), ctx);
    }

    @Test
    void everyTargetIsTheFrameAfterItsStart() {
        Trajectories d = data();
        DataFrames index = new DataFrames(d);
        ScheduleRun run = start(Map.of("batches", 3L), 4, 5);
        for (int epoch = 0; epoch < 4; epoch++) {
            List<MiniBatch> plan = run.planEpoch(epoch);
            assertThat(plan).hasSize(3);
            for (MiniBatch b : plan) {
                assertThat(b.steps()).isEqualTo(2);
                assertThat(b.targets()).hasSize(1);
                Target t = b.targets().get(0);
                assertThat(t.step()).isEqualTo(2);
                assertThat(t.weight()).isEqualTo(1.0);
                for (int s = 0; s < b.size(); s++) {
                    int[] ri = index.locate(observableOf(b.start(), s, 2));
                    assertThat(ri[1]).as("start frame index").isLessThan(d.length() - 1);
                    assertThat(hiddenOf(b.start(), s, 2)).containsOnly(0.0);
                    assertThat(sample(t.observed(), s)).as("target of start (%d, %d)", ri[0], ri[1])
                            .containsExactly(index.frame(ri[0], ri[1] + 1));
                    assertThat(b.keys()[s]).as("key r T + i").isEqualTo(ri[0] * d.length() + ri[1]);
                }
            }
        }
    }

    @Test
    void withoutReplacementAMiniBatchHoldsDistinctStarts() {
        for (MiniBatch b : start(Map.of("batches", 20L), 4, 3).planEpoch(0)) {
            assertThat(b.keys()).doesNotHaveDuplicates().hasSize(4);
        }
        // a mini-batch larger than the 9 eligible starts holds each of them exactly once
        List<MiniBatch> plan = start(Map.of(), 20, 3).planEpoch(0);
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).keys()).containsExactlyInAnyOrder(0, 1, 2, 4, 5, 6, 8, 9, 10);
    }

    @Test
    void startsAreUniformOverEligibleFramesWithAndWithoutReplacement() {
        for (boolean replacement : new boolean[] {false, true}) {
            ScheduleRun run = start(Map.of("batches", 300L, "replacement", replacement), 7, 11);
            long[] counts = new long[12];
            for (MiniBatch b : run.planEpoch(0)) {
                assertThat(b.size()).isEqualTo(7);
                for (int k : b.keys()) {
                    counts[k]++;
                }
            }
            assertThat(new long[] {counts[3], counts[7], counts[11]}).as("last frames never start").containsOnly(0);
            long[] eligible = {counts[0], counts[1], counts[2], counts[4], counts[5], counts[6], counts[8], counts[9],
                    counts[10]};
            // 2100 draws over 9 cells: chi-square with 8 degrees of freedom, 26.1 is its 0.999 quantile
            assertThat(DataFrames.chiSquareUniform(eligible)).as("chi-square, replacement = %s", replacement)
                    .isLessThan(26.1);
        }
        // with replacement a mini-batch may exceed the number of eligible starts
        assertThat(start(Map.of("replacement", true), 20, 3).planEpoch(0).get(0).size()).isEqualTo(20);
    }

    @Test
    void plansDependOnlyOnSeedAndEpoch() {
        ScheduleRun inOrder = start(Map.of("batches", 2L), 4, 21);
        Map<Integer, int[]> keys = new HashMap<>();
        for (int epoch = 0; epoch < 5; epoch++) {
            keys.put(epoch, keysOf(inOrder.planEpoch(epoch)));
        }
        ScheduleRun skipping = start(Map.of("batches", 2L), 4, 21);
        assertThat(keysOf(skipping.planEpoch(4))).isEqualTo(keys.get(4));
        assertThat(keysOf(skipping.planEpoch(1))).isEqualTo(keys.get(1));
        ScheduleRun otherSeed = start(Map.of("batches", 2L), 4, 22);
        boolean differs = false;
        for (int epoch = 0; epoch < 5; epoch++) {
            differs |= !Arrays.equals(keysOf(otherSeed.planEpoch(epoch)), keys.get(epoch));
        }
        assertThat(differs).as("another seed gives other plans").isTrue();
    }

    @Test
    void finalStatesAreNotPropagated() {
        ScheduleRun fed = start(Map.of(), 4, 8);
        for (MiniBatch b : fed.planEpoch(0)) {
            fed.accept(b, Nd4j.valueArrayOf(b.start().shape(), 42.0, DataType.DOUBLE));
        }
        MiniBatch afterFeeding = fed.planEpoch(1).get(0);
        MiniBatch fresh = start(Map.of(), 4, 8).planEpoch(1).get(0);
        assertThat(NdValues.of(afterFeeding.start())).containsExactly(NdValues.of(fresh.start()));
        assertThatThrownBy(() -> fed.accept(afterFeeding, Nd4j.zeros(DataType.DOUBLE, 1, 4, 6, 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not match");
    }

    @Test
    void dataWithOneFrameAreRejected() {
        ScheduleContext oneFrame = new ScheduleContext(TestTrajectories.random(2, 1, 2, 4, 1), 3, 1, 4,
                new RandomSource(1), DataType.DOUBLE);
        assertThatThrownBy(() -> schedule().start(params(), oneFrame))
                .isInstanceOf(NcaException.class).hasMessageContaining("'single-step'")
                .hasMessageContaining("at least 2 frames").hasMessageContaining("T = 1");
    }

    @Test
    void float32DataGiveArraysOfTheContextType() {
        Trajectories d = TestTrajectories.random(2, 3, 1, 5, 4, DataType.FLOAT);
        ScheduleContext ctx = new ScheduleContext(d, 3, 1, 8, new RandomSource(2), DataType.FLOAT);
        MiniBatch b = schedule().start(params(), ctx).planEpoch(0).get(0);
        assertThat(b.start().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(b.start().shape()).containsExactly(4, 3, 5, 5);
        assertThat(b.targets().get(0).observed().dataType()).isEqualTo(DataType.FLOAT);
    }

    private static int[] keysOf(List<MiniBatch> plan) {
        return plan.stream().flatMapToInt(b -> Arrays.stream(b.keys())).toArray();
    }
}
