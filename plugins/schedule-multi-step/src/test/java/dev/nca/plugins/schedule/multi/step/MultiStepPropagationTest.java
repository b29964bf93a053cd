package dev.nca.plugins.schedule.multi.step;

import static dev.nca.testkit.DataFrames.hiddenOf;
import static dev.nca.testkit.DataFrames.observableOf;
import static dev.nca.testkit.DataFrames.sample;
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
 * The {@code propagate} option of {@code multi-step} on R = 3 trajectories of T = 10 frames (2
 * observable + 2 hidden channels, 4x4, frame spacing 2). The expected store is kept here
 * independently: a sample with key {@code r T + i} rolled {@code steps / 2} frames leaves its final
 * state for row {@code key + steps / 2}; later samples overwrite earlier ones.
 */
class MultiStepPropagationTest {

    private static final int T = 10;
    private static final int SPACING = 2;
    private static final int OBSERVABLE = 2;
    private static final int CHANNELS = 4;

    private static Trajectories data() {
        return TestTrajectories.random(3, T, OBSERVABLE, 4, 23);
    }

    private static ScheduleRun start(Map<String, Object> params, int minibatch, long seed) {
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("max_steps", 3L, "intermediate", true));
        raw.putAll(params);
        MultiStepSchedule schedule = new MultiStepSchedule();
        ScheduleContext ctx = new ScheduleContext(data(), CHANNELS, SPACING, minibatch, new RandomSource(seed),
                DataType.DOUBLE);
        return schedule.start(Params.validate(schedule.parameters(), raw, "test [training.schedule_params]"), ctx);
    }

    @Test
    void propagationChangesNoHorizonStartFrameOrTarget() {
        Map<String, Object> base = Map.of("batches", 3L, "curriculum_epochs", 1L);
        ScheduleRun plain = start(base, 5, 41);
        Map<String, Object> propagating = new HashMap<>(base);
        propagating.put("propagate", 0.7);
        ScheduleRun run = start(propagating, 5, 41);
        for (int epoch = 0; epoch < 4; epoch++) {
            List<MiniBatch> a = plain.planEpoch(epoch);
            List<MiniBatch> b = run.planEpoch(epoch);
            assertThat(b).hasSameSizeAs(a);
            for (int n = 0; n < a.size(); n++) {
                assertThat(b.get(n).keys()).isEqualTo(a.get(n).keys());
                assertThat(b.get(n).steps()).isEqualTo(a.get(n).steps());
                assertThat(b.get(n).targets()).hasSameSizeAs(a.get(n).targets());
                for (int t = 0; t < a.get(n).targets().size(); t++) {
                    Target x = a.get(n).targets().get(t);
                    Target y = b.get(n).targets().get(t);
                    assertThat(y.step()).isEqualTo(x.step());
                    assertThat(y.weight()).isEqualTo(x.weight());
                    assertThat(NdValues.of(y.observed())).containsExactly(NdValues.of(x.observed()));
                }
            }
            RecognisableStates.acceptAll(plain, a, epoch, SPACING, new HashMap<>());
            RecognisableStates.acceptAll(run, b, epoch, SPACING, new HashMap<>());
        }
    }

    @Test
    void zeroPropagateStoresNothingAndPlansTheRecordedMiniBatches() {
        Map<String, Object> raw = new HashMap<>(Map.of("batches", 3L, "curriculum_epochs", 1L, "propagate", 0.0));
        raw.put("max_steps", 8L);
        raw.put("intermediate", false);
        ScheduleRun run = start(raw, 3, 41);
        DataFrames index = new DataFrames(data());
        int n = 0;
        for (int epoch = 0; epoch < 3; epoch++) {
            List<MiniBatch> plan = run.planEpoch(epoch);
            // checked before accept, which may free the batches' arrays
            for (MiniBatch batch : plan) {
                assertThat(n).isLessThan(ZeroNoisePlansTest.MULTI_STEP_STEPS.length);
                assertThat(batch.keys()).containsExactly(ZeroNoisePlansTest.MULTI_STEP_KEYS[n]);
                assertThat(batch.steps()).isEqualTo(ZeroNoisePlansTest.MULTI_STEP_STEPS[n]);
                for (int b = 0; b < batch.size(); b++) {
                    assertThat(index.isDataStart(batch, b, OBSERVABLE)).isTrue();
                }
                n++;
            }
            RecognisableStates.acceptAll(run, plan, 0.5, SPACING, new HashMap<>());
        }
        assertThat(((RandomHorizonRun) run).storedStates()).isZero();
        assertThat(n).isEqualTo(ZeroNoisePlansTest.MULTI_STEP_STEPS.length);
    }

    @Test
    void withPropagateOneMultiStepStartsComeFromTheLatestStoredStateOfTheirFrame() {
        ScheduleRun run = start(Map.of("propagate", 1.0, "batches", 5L, "curriculum_epochs", 2L), 12, 7);
        DataFrames index = new DataFrames(data());
        Map<Integer, double[]> expected = new HashMap<>();
        int fromStore = 0;
        int fromDataWithoutState = 0;
        for (int epoch = 0; epoch < 6; epoch++) {
            List<MiniBatch> plan = run.planEpoch(epoch);
            for (MiniBatch batch : plan) {
                for (int b = 0; b < batch.size(); b++) {
                    int key = batch.keys()[b];
                    double[] stored = expected.get(key);
                    if (epoch < 2) {
                        assertThat(index.isDataStart(batch, b, OBSERVABLE)).as("curriculum epochs start from the data")
                                .isTrue();
                    } else if (stored != null) {
                        fromStore++;
                        assertThat(NdValues.of(batch.start().slice(b))).as("epoch %d key %d", epoch, key)
                                .containsExactly(stored);
                    } else {
                        fromDataWithoutState++;
                        assertThat(index.isDataStart(batch, b, OBSERVABLE)).isTrue();
                    }
                    for (Target t : batch.targets()) {
                        assertThat(sample(t.observed(), b)).as("targets stay the data")
                                .containsExactly(index.frame(key / T, key % T + t.step() / SPACING));
                    }
                }
            }
            RecognisableStates.acceptAll(run, plan, epoch * 0.125, SPACING, expected);
        }
        assertThat(fromStore).as("samples started from stored states").isGreaterThan(100);
        assertThat(fromDataWithoutState).as("samples started from the data (nothing stored for their frame)")
                .isPositive();
        long storable = expected.keySet().stream().filter(row -> row % T != T - 1).count();
        assertThat(((RandomHorizonRun) run).storedStates()).as("rows with a state; the last frames are never stored")
                .isEqualTo((int) storable);
    }

    @Test
    void withPropagateOneHalfHalfOfTheStartsWithAStoredStateUseIt() {
        ScheduleRun run = start(Map.of("propagate", 0.5, "batches", 10L, "max_steps", 1L, "replacement", true), 100, 13);
        Map<Integer, double[]> expected = new HashMap<>();
        RecognisableStates.acceptAll(run, run.planEpoch(0), 0.5, SPACING, expected);
        DataFrames index = new DataFrames(data());
        long eligible = 0;
        long used = 0;
        for (int epoch = 1; epoch <= 3; epoch++) {
            for (MiniBatch batch : run.planEpoch(epoch)) {
                for (int b = 0; b < batch.size(); b++) {
                    double[] stored = expected.get(batch.keys()[b]);
                    if (stored == null) {
                        assertThat(index.isDataStart(batch, b, OBSERVABLE)).as("no stored state: from the data")
                                .isTrue();
                        continue;
                    }
                    eligible++;
                    if (!index.isDataStart(batch, b, OBSERVABLE)) {
                        used++;
                        assertThat(NdValues.of(batch.start().slice(b))).containsExactly(stored);
                    }
                }
            }
        }
        assertThat(eligible).as("samples whose frame has a stored state").isGreaterThan(2000);
        double sigma = Math.sqrt(eligible * 0.25);
        assertThat((double) used).isCloseTo(eligible * 0.5, within(4 * sigma));
    }

    @Test
    void storedStatesAreCopies() {
        ScheduleRun run = start(Map.of("propagate", 1.0, "batches", 5L), 12, 3);
        PropagationChecks.storeHoldsPrivateCopies(run, SPACING);
    }

    @Test
    void propagateOutsideZeroToOneIsRejectedAndSingleStepHasNoSuchKey() {
        PropagationChecks.propagateOutsideUnitIntervalIsRejected(params -> start(params, 4, 1));
        SingleStepSchedule single = new SingleStepSchedule();
        assertThatThrownBy(() -> Params.validate(single.parameters(), Map.of("propagate", 0.5), "test"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("propagate");
    }

    @Test
    void foreignMiniBatchesAreRejectedWhenPropagating() {
        ScheduleRun run = start(Map.of("propagate", 0.5), 2, 1);
        PropagationChecks.foreignMiniBatchesAreRejected(run, CHANNELS, OBSERVABLE, 4, T, SPACING);
    }
}
