package dev.nca.plugins.schedule.multi.step;

import static dev.nca.testkit.DataFrames.hiddenOf;
import static dev.nca.testkit.DataFrames.observableOf;
import static dev.nca.testkit.DataFrames.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.InvalidParameterException;
import dev.nca.api.MiniBatch;
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

/**
 * Contract plus horizon, target and curriculum checks on R = 3 trajectories of T = 10 frames
 * (2 observable + 2 hidden channels, 4x4), frame spacing 2, default max_steps = 8.
 */
class MultiStepScheduleTest extends TrainingScheduleContract {

    private static final int T = 10;
    private static final int SPACING = 2;

    @Override
    protected TrainingSchedule schedule() {
        return new MultiStepSchedule();
    }

    @Override
    protected Trajectories data() {
        return TestTrajectories.random(3, T, 2, 4, 23);
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("batches", 3L, "intermediate", true);
    }

    private ScheduleRun start(TrainingSchedule schedule, Map<String, Object> raw, int minibatch, long seed) {
        ScheduleContext ctx = new ScheduleContext(data(), channels(), SPACING, minibatch, new RandomSource(seed),
                DataType.DOUBLE);
        return schedule.start(Params.validate(schedule.parameters(), raw, "test [training.schedule_params]"), ctx);
    }

    private ScheduleRun start(Map<String, Object> raw, int minibatch, long seed) {
        return start(schedule(), raw, minibatch, seed);
    }

    /** The horizon in frames of a mini-batch. */
    private static int horizon(MiniBatch b) {
        assertThat(b.steps() % SPACING).as("steps are whole frames").isZero();
        return b.steps() / SPACING;
    }

    @Test
    void horizonsAreUniformOnOneToMaxSteps() {
        ScheduleRun run = start(Map.of("batches", 2000L), 1, 4);
        long[] counts = new long[8];
        for (int epoch = 0; epoch < 2; epoch++) {
            for (MiniBatch b : run.planEpoch(epoch)) {
                int k = horizon(b);
                assertThat(k).isBetween(1, 8);
                counts[k - 1]++;
            }
        }
        assertThat(counts).doesNotContain(0L);
        // 4000 draws over 8 horizons: chi-square with 7 degrees of freedom, 24.3 is its 0.999 quantile
        assertThat(DataFrames.chiSquareUniform(counts)).isLessThan(24.3);
    }

    @Test
    void withoutIntermediateTheOnlyTargetIsTheFrameKAhead() {
        Trajectories d = data();
        DataFrames index = new DataFrames(d);
        boolean lastEligibleSeen = false;
        for (MiniBatch b : start(Map.of("batches", 30L), 5, 6).planEpoch(0)) {
            int k = horizon(b);
            assertThat(b.targets()).hasSize(1);
            Target t = b.targets().get(0);
            assertThat(t.step()).isEqualTo(k * SPACING);
            assertThat(t.weight()).isEqualTo(1.0);
            for (int s = 0; s < b.size(); s++) {
                int[] ri = index.locate(observableOf(b.start(), s, 2));
                assertThat(ri[1] + k).as("frame i + k exists").isLessThan(T);
                lastEligibleSeen |= ri[1] + k == T - 1;
                assertThat(hiddenOf(b.start(), s, 2)).containsOnly(0.0);
                assertThat(sample(t.observed(), s)).containsExactly(index.frame(ri[0], ri[1] + k));
            }
        }
        assertThat(lastEligibleSeen).as("the last eligible start i = T - 1 - k is drawn").isTrue();
    }

    @Test
    void intermediateTargetsCarryTheTimeWeights() {
        Trajectories d = data();
        DataFrames index = new DataFrames(d);
        for (String weighting : List.of("uniform", "linear", "final")) {
            Map<String, Object> raw = Map.of("batches", 40L, "intermediate", true, "time_weighting", weighting);
            for (MiniBatch b : start(raw, 3, 7).planEpoch(0)) {
                int k = horizon(b);
                double[] expected = expectedWeights(weighting, k);
                List<Target> targets = b.targets();
                assertThat(targets).as("%s, k = %d", weighting, k).hasSize((int) Arrays.stream(expected)
                        .filter(w -> w > 0).count());
                double sum = 0;
                for (Target t : targets) {
                    int j = t.step() / SPACING;
                    assertThat(t.step()).isEqualTo(j * SPACING);
                    assertThat(t.weight()).as("%s weight of frame %d of %d", weighting, j, k)
                            .isCloseTo(expected[j - 1], within(1e-15));
                    sum += t.weight();
                    for (int s = 0; s < b.size(); s++) {
                        int[] ri = index.locate(observableOf(b.start(), s, 2));
                        assertThat(sample(t.observed(), s)).containsExactly(index.frame(ri[0], ri[1] + j));
                    }
                }
                assertThat(sum).isCloseTo(1.0, within(1e-12));
                assertThat(targets.get(targets.size() - 1).step()).as("the horizon is always a target")
                        .isEqualTo(b.steps());
            }
        }
    }

    /** Weights of frames 1..k worked out directly from their definitions. */
    private static double[] expectedWeights(String weighting, int k) {
        double[] w = new double[k];
        switch (weighting) {
            case "uniform" -> Arrays.fill(w, 1.0 / k);
            case "linear" -> {
                double total = 0;
                for (int j = 1; j <= k; j++) {
                    total += j;
                }
                for (int j = 1; j <= k; j++) {
                    w[j - 1] = j / total;
                }
            }
            case "final" -> w[k - 1] = 1.0;
            default -> throw new AssertionError(weighting);
        }
        return w;
    }

    @Test
    void intermediateTargetsAreAtEveryFrameUpToTheHorizon() {
        for (MiniBatch b : start(Map.of("batches", 20L, "intermediate", true), 2, 9).planEpoch(0)) {
            int k = horizon(b);
            assertThat(b.targets()).extracting(Target::step)
                    .containsExactly(java.util.stream.IntStream.rangeClosed(1, k).map(j -> j * SPACING).boxed()
                            .toArray(Integer[]::new));
        }
    }

    @Test
    void curriculumSwitchesExactlyAtCurriculumEpochs() {
        Map<String, Object> raw = Map.of("batches", 40L, "curriculum_epochs", 3L, "intermediate", true);
        ScheduleRun multi = start(raw, 3, 12);
        ScheduleRun single = start(new SingleStepSchedule(), Map.of("batches", 40L), 3, 12);
        for (int epoch = 0; epoch < 5; epoch++) {
            List<MiniBatch> plan = multi.planEpoch(epoch);
            List<MiniBatch> reference = single.planEpoch(epoch);
            int[] horizons = plan.stream().mapToInt(MultiStepScheduleTest::horizon).toArray();
            if (epoch < 3) {
                assertThat(horizons).as("epoch %d is single-step", epoch).containsOnly(1);
                for (int n = 0; n < plan.size(); n++) {
                    assertThat(plan.get(n).keys()).as("same samples as single-step").isEqualTo(reference.get(n).keys());
                    assertThat(plan.get(n).targets()).hasSize(1);
                    assertThat(plan.get(n).targets().get(0).weight()).isEqualTo(1.0);
                }
            } else {
                assertThat(Arrays.stream(horizons).max().orElseThrow()).as("epoch %d is multi-step", epoch)
                        .isGreaterThan(1);
            }
        }
        int[] firstHorizons = start(Map.of("batches", 40L), 3, 12).planEpoch(0).stream()
                .mapToInt(MultiStepScheduleTest::horizon).toArray();
        assertThat(Arrays.stream(firstHorizons).max().orElseThrow()).as("no curriculum: epoch 0 is multi-step")
                .isGreaterThan(1);
    }

    @Test
    void withoutReplacementAMiniBatchTakesAtMostTheEligibleStarts() {
        // max_steps = 9 = T - 1: a mini-batch of 30 holds all R (T - k) eligible starts once
        for (MiniBatch b : start(Map.of("batches", 30L, "max_steps", 9L), 30, 13).planEpoch(0)) {
            int k = horizon(b);
            assertThat(b.size()).as("k = %d", k).isEqualTo(Math.min(30, 3 * (T - k)));
            assertThat(b.keys()).doesNotHaveDuplicates();
            for (int key : b.keys()) {
                assertThat(key % T + k).isLessThan(T);
            }
        }
    }

    @Test
    void maxStepsMustLeaveAFrameAfterTheStart() {
        assertThatCode(() -> start(Map.of("max_steps", 9L), 4, 1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> start(Map.of("max_steps", 10L), 4, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("key 'max_steps' has value 10")
                .hasMessageContaining("at most T - 1 = 9")
                .hasMessageContaining("T = 10");
        assertThatThrownBy(() -> start(Map.of("time_weighting", "quadratic"), 4, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'time_weighting'").hasMessageContaining("uniform, linear, final");
    }

    @Test
    void plansDependOnlyOnSeedAndEpoch() {
        Map<String, Object> raw = Map.of("batches", 4L, "intermediate", true, "time_weighting", "linear");
        ScheduleRun inOrder = start(raw, 3, 31);
        Map<Integer, List<MiniBatch>> plans = new HashMap<>();
        for (int epoch = 0; epoch < 4; epoch++) {
            plans.put(epoch, inOrder.planEpoch(epoch));
        }
        ScheduleRun skipping = start(raw, 3, 31);
        for (int epoch : new int[] {3, 1}) {
            List<MiniBatch> again = skipping.planEpoch(epoch);
            for (int n = 0; n < again.size(); n++) {
                MiniBatch x = plans.get(epoch).get(n);
                assertThat(again.get(n).keys()).isEqualTo(x.keys());
                assertThat(again.get(n).steps()).isEqualTo(x.steps());
                assertThat(NdValues.of(again.get(n).start())).containsExactly(NdValues.of(x.start()));
            }
        }
        ScheduleRun otherSeed = start(raw, 3, 32);
        boolean differs = false;
        for (int epoch = 0; epoch < 4; epoch++) {
            List<MiniBatch> other = otherSeed.planEpoch(epoch);
            for (int n = 0; n < other.size(); n++) {
                differs |= !Arrays.equals(other.get(n).keys(), plans.get(epoch).get(n).keys());
            }
        }
        assertThat(differs).as("another seed gives other plans").isTrue();
    }
}
