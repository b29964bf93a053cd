package dev.nca.plugins.schedule.stratified;

import static dev.nca.testkit.DataFrames.hiddenOf;
import static dev.nca.testkit.DataFrames.observableOf;
import static dev.nca.testkit.DataFrames.sample;
import static dev.nca.plugins.schedule.stratified.StratifiedScheduleTest.NAMES;
import static dev.nca.plugins.schedule.stratified.StratifiedScheduleTest.SPACING;
import static dev.nca.plugins.schedule.stratified.StratifiedScheduleTest.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.InvalidParameterException;
import dev.nca.api.MiniBatch;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.Target;
import dev.nca.api.Trajectories;
import dev.nca.testkit.DataFrames;
import dev.nca.testkit.PropagationChecks;
import dev.nca.testkit.RecognisableStates;
import dev.nca.testkit.NdValues;
import dev.nca.testkit.TestTrajectories;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The {@code propagate} option on the labelled data of {@link StratifiedScheduleTest} (R = 3,
 * T = 12, 2 observable + 2 hidden channels, 4x4, frame spacing 2). The expected store is kept
 * here independently: a sample with key {@code r T + i} rolled {@code steps / 2} frames leaves
 * its final state for row {@code key + steps / 2}; later samples overwrite earlier ones.
 */
class StratifiedPropagationTest {

    private static final int OBSERVABLE = 2;
    private static final int CHANNELS = 4;

    private static Trajectories data() {
        return StratifiedScheduleTest.labelled(TestTrajectories.random(3, T, OBSERVABLE, 4, 29), NAMES,
                StratifiedScheduleTest.labels());
    }

    private static ScheduleRun start(Map<String, Object> overrides, int minibatch, long seed) {
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("phases", NAMES, "weights", List.of(0.5, 0.25, 0.25),
                "max_steps", 3L, "intermediate", true));
        raw.putAll(overrides);
        StratifiedSchedule schedule = new StratifiedSchedule();
        ScheduleContext ctx = new ScheduleContext(data(), CHANNELS, SPACING, minibatch, new RandomSource(seed),
                DataType.DOUBLE);
        return schedule.start(Params.validate(schedule.parameters(), raw, "test [training.schedule_params]"), ctx);
    }

    @Test
    void withoutPropagationThePlansAreThoseRecordedBeforeTheOptionExisted() {
        // keys and steps of seed 2024, 3 batches of 5, recorded from the implementation without propagate
        int[][][] keys = {
            {{2, 0, 2, 2, 29}, {0, 0, 27, 0, 17}, {7, 4, 24, 1, 25}},
            {{2, 0, 24, 4, 32}, {0, 15, 8, 13, 4}, {27, 3, 4, 33, 26}},
            {{3, 10, 24, 18, 2}, {25, 1, 26, 26, 0}, {12, 24, 3, 25, 3}}};
        int[][] steps = {{2, 4, 6}, {4, 6, 2}, {2, 6, 4}};
        DataFrames index = new DataFrames(data());
        for (Map<String, Object> overrides : List.of(Map.<String, Object>of("batches", 3L),
                Map.<String, Object>of("batches", 3L, "propagate", 0.0))) {
            ScheduleRun run = start(overrides, 5, 2024);
            for (int epoch = 0; epoch < 3; epoch++) {
                List<MiniBatch> plan = run.planEpoch(epoch);
                assertThat(plan).hasSize(3);
                for (int n = 0; n < 3; n++) {
                    MiniBatch batch = plan.get(n);
                    assertThat(batch.keys()).as("%s epoch %d batch %d", overrides, epoch, n)
                            .containsExactly(keys[epoch][n]);
                    assertThat(batch.steps()).isEqualTo(steps[epoch][n]);
                    for (int b = 0; b < 5; b++) {
                        int key = batch.keys()[b];
                        assertThat(observableOf(batch.start(), b, OBSERVABLE))
                                .containsExactly(index.frame(key / T, key % T));
                        assertThat(hiddenOf(batch.start(), b, OBSERVABLE)).containsOnly(0.0);
                    }
                }
                RecognisableStates.acceptAll(run, plan, 0.5, SPACING, new HashMap<>());
            }
        }
    }

    @Test
    void withPropagationOneStartsComeFromTheLatestStoredStateOfTheirFrame() {
        ScheduleRun run = start(Map.of("propagate", 1.0, "batches", 5L), 20, 7);
        DataFrames index = new DataFrames(data());
        Map<Integer, double[]> expected = new HashMap<>();
        int fromStore = 0;
        int fromData = 0;
        for (int epoch = 0; epoch < 4; epoch++) {
            List<MiniBatch> plan = run.planEpoch(epoch);
            for (MiniBatch batch : plan) {
                int k = batch.steps() / SPACING;
                for (int b = 0; b < batch.size(); b++) {
                    int key = batch.keys()[b];
                    double[] stored = expected.get(key);
                    if (stored != null) {
                        fromStore++;
                        assertThat(NdValues.of(batch.start().slice(b))).as("epoch %d key %d", epoch, key)
                                .containsExactly(stored);
                    } else {
                        fromData++;
                        assertThat(observableOf(batch.start(), b, OBSERVABLE))
                                .containsExactly(index.frame(key / T, key % T));
                        assertThat(hiddenOf(batch.start(), b, OBSERVABLE)).containsOnly(0.0);
                    }
                    for (Target t : batch.targets()) {
                        assertThat(sample(t.observed(), b)).as("targets stay the data")
                                .containsExactly(index.frame(key / T, key % T + t.step() / SPACING));
                    }
                }
                assertThat(k).isBetween(1, 3);
            }
            RecognisableStates.acceptAll(run, plan, epoch * 0.125, SPACING, expected);
        }
        assertThat(fromStore).as("samples started from stored states").isGreaterThan(100);
        assertThat(fromData).as("samples started from the data (nothing stored for their frame)").isGreaterThan(20);
        long storable = expected.keySet().stream().filter(row -> row % T != T - 1).count();
        assertThat(((StratifiedRun) run).storedStates()).as("rows with a state; the last frames are never stored")
                .isEqualTo((int) storable);
    }

    @Test
    void withPropagationOneHalfHalfOfTheStartsWithAStoredStateUseIt() {
        ScheduleRun run = start(Map.of("propagate", 0.5, "batches", 10L, "max_steps", 1L), 200, 13);
        Map<Integer, double[]> expected = new HashMap<>();
        RecognisableStates.acceptAll(run, run.planEpoch(0), 0.5, SPACING, expected);
        long eligible = 0;
        long used = 0;
        for (int epoch = 1; epoch <= 3; epoch++) {
            for (MiniBatch batch : run.planEpoch(epoch)) {
                for (int b = 0; b < batch.size(); b++) {
                    double[] stored = expected.get(batch.keys()[b]);
                    boolean hiddenZero = allZero(hiddenOf(batch.start(), b, OBSERVABLE));
                    if (stored == null) {
                        assertThat(hiddenZero).as("no stored state: from the data").isTrue();
                        continue;
                    }
                    eligible++;
                    if (!hiddenZero) {
                        used++;
                        assertThat(NdValues.of(batch.start().slice(b))).containsExactly(stored);
                    }
                }
            }
        }
        assertThat(eligible).as("samples whose frame has a stored state").isGreaterThan(4000);
        double sigma = Math.sqrt(eligible * 0.25);
        assertThat((double) used).isCloseTo(eligible * 0.5, within(4 * sigma));
    }

    private static boolean allZero(double[] values) {
        for (double v : values) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void startsAreCopiesOfTheStore() {
        ScheduleRun run = start(Map.of("propagate", 1.0, "batches", 5L), 20, 3);
        PropagationChecks.storeHoldsPrivateCopies(run, SPACING);
    }

    @Test
    void propagateOutsideZeroToOneIsRejected() {
        PropagationChecks.propagateOutsideUnitIntervalIsRejected(params -> start(params, 4, 1));
    }

    @Test
    void foreignMiniBatchesAreRejectedWhenPropagating() {
        ScheduleRun run = start(Map.of("propagate", 0.5), 2, 1);
        PropagationChecks.foreignMiniBatchesAreRejected(run, CHANNELS, OBSERVABLE, 4, T, SPACING);
    }
}
