package dev.nca.plugins.schedule.stratified;

import static dev.nca.testkit.DataFrames.hiddenOf;
import static dev.nca.testkit.DataFrames.observableOf;
import static dev.nca.testkit.DataFrames.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.InvalidParameterException;
import dev.nca.api.MiniBatch;
import dev.nca.api.NcaException;
import dev.nca.api.Params;
import dev.nca.api.PhaseLabels;
import dev.nca.api.RandomSource;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.Target;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import dev.nca.testkit.DataFrames;
import dev.nca.testkit.TestTrajectories;
import dev.nca.testkit.TrainingScheduleContract;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Contract plus sampling and validation checks on labelled data: R = 3 trajectories of T = 12
 * frames (2 observable + 2 hidden channels, 4x4), frame spacing 2. Phases (label order
 * growing, stable, regenerating): trajectory 0 grows for frames 0..4, then is stable; trajectory 1
 * is stable throughout; trajectory 2 regenerates for frames 0..3, then is stable.
 */
class StratifiedScheduleTest extends TrainingScheduleContract {

    static final int T = 12;
    static final int SPACING = 2;
    static final List<String> NAMES = List.of("growing", "stable", "regenerating");
    private static final int GROWING = 0;
    private static final int STABLE = 1;
    private static final int REGENERATING = 2;

    @Override
    protected TrainingSchedule schedule() {
        return new StratifiedSchedule();
    }

    @Override
    protected Trajectories data() {
        return labelled(TestTrajectories.random(3, T, 2, 4, 29), NAMES, labels());
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("phases", NAMES, "weights", List.of(0.5, 0.25, 0.25), "max_steps", 3L, "intermediate", true);
    }

    /** The labels described in the class comment, {@code [R][T]}. */
    static int[][] labels() {
        int[][] labels = new int[3][T];
        for (int i = 0; i < T; i++) {
            labels[0][i] = i < 5 ? GROWING : STABLE;
            labels[1][i] = STABLE;
            labels[2][i] = i < 4 ? REGENERATING : STABLE;
        }
        return labels;
    }

    static Trajectories labelled(Trajectories d, List<String> names, int[][] labels) {
        return new Trajectories(d.frames(), d.channelNames(), d.frameSpacing(), d.boundary(),
                Optional.of(new PhaseLabels(names, labels)), d.valueMin(), d.valueMax());
    }

    private ScheduleRun start(Trajectories d, Map<String, Object> overrides, int minibatch, long seed) {
        Map<String, Object> raw = new LinkedHashMap<>(validParams());
        raw.putAll(overrides);
        ScheduleContext ctx = new ScheduleContext(d, channels(), SPACING, minibatch, new RandomSource(seed),
                DataType.DOUBLE);
        return schedule().start(Params.validate(schedule().parameters(), raw, "test [training.schedule_params]"), ctx);
    }

    private ScheduleRun start(Map<String, Object> overrides, int minibatch, long seed) {
        return start(data(), overrides, minibatch, seed);
    }

    @Test
    void phaseFrequenciesFollowTheWeights() {
        // recipe order differs from the data's label order on purpose
        Map<String, Object> raw = Map.of("phases", List.of("stable", "growing", "regenerating"),
                "weights", List.of(1.0, 2.0, 1.0), "batches", 40L);
        int[][] labels = labels();
        long[] counts = new long[3];
        int n = 0;
        for (MiniBatch b : start(raw, 500, 41).planEpoch(0)) {
            for (int key : b.keys()) {
                counts[labels[key / T][key % T]]++;
                n++;
            }
        }
        assertThat(n).isEqualTo(20_000);
        double[] expected = new double[3];
        expected[STABLE] = 0.25;
        expected[GROWING] = 0.5;
        expected[REGENERATING] = 0.25;
        for (int p = 0; p < 3; p++) {
            double standardError = Math.sqrt(n * expected[p] * (1 - expected[p]));
            assertThat((double) counts[p]).as("draws of phase %s", NAMES.get(p))
                    .isCloseTo(n * expected[p], within(4 * standardError));
        }
    }

    @Test
    void phasesLeftOutOrWeightedZeroAreNeverDrawn() {
        Map<String, Object> raw = Map.of("phases", List.of("growing", "regenerating"), "weights", List.of(0.0, 3.0),
                "batches", 5L);
        int[][] labels = labels();
        for (MiniBatch b : start(raw, 50, 2).planEpoch(0)) {
            for (int key : b.keys()) {
                assertThat(labels[key / T][key % T]).isEqualTo(REGENERATING);
            }
        }
    }

    @Test
    void withinAPhaseStartsAreUniformOverItsFrames() {
        Map<String, Object> raw = Map.of("weights", List.of(1.0, 1.0, 1.0), "max_steps", 1L, "batches", 30L);
        Map<Integer, Long> counts = new HashMap<>();
        for (MiniBatch b : start(raw, 500, 17).planEpoch(0)) {
            for (int key : b.keys()) {
                counts.merge(key, 1L, Long::sum);
            }
        }
        int[][] labels = labels();
        // frames with i + 1 < T per phase: growing 5, stable 6 + 11 + 7 = 24, regenerating 4;
        // 0.999 quantiles of chi-square with 4, 23 and 3 degrees of freedom
        int[] frameCount = {5, 24, 4};
        double[] critical = {18.47, 49.73, 16.27};
        for (int p = 0; p < 3; p++) {
            long[] phaseCounts = new long[frameCount[p]];
            int n = 0;
            for (int r = 0; r < 3; r++) {
                for (int i = 0; i + 1 < T; i++) {
                    if (labels[r][i] == p) {
                        phaseCounts[n++] = counts.getOrDefault(r * T + i, 0L);
                    }
                }
            }
            assertThat(n).isEqualTo(frameCount[p]);
            assertThat(phaseCounts).as("every frame of %s is drawn", NAMES.get(p)).doesNotContain(0L);
            assertThat(DataFrames.chiSquareUniform(phaseCounts)).as("chi-square of %s", NAMES.get(p))
                    .isLessThan(critical[p]);
        }
        for (int r = 0; r < 3; r++) {
            assertThat(counts).as("the last frame never starts").doesNotContainKey(r * T + T - 1);
        }
    }

    @Test
    void startsAndTargetsComeFromTheData() {
        Trajectories d = data();
        DataFrames index = new DataFrames(d);
        int[][] labels = labels();
        for (MiniBatch b : start(Map.of("batches", 20L), 6, 5).planEpoch(0)) {
            assertThat(b.steps() % SPACING).isZero();
            int k = b.steps() / SPACING;
            assertThat(k).isBetween(1, 3);
            assertThat(b.targets()).extracting(Target::step).containsExactly(
                    java.util.stream.IntStream.rangeClosed(1, k).map(j -> j * SPACING).boxed().toArray(Integer[]::new));
            assertThat(b.targets().stream().mapToDouble(Target::weight).sum()).isCloseTo(1.0, within(1e-12));
            for (int s = 0; s < b.size(); s++) {
                int[] ri = index.locate(observableOf(b.start(), s, 2));
                assertThat(ri[1] + k).isLessThan(T);
                assertThat(b.keys()[s]).isEqualTo(ri[0] * T + ri[1]);
                assertThat(labels[ri[0]][ri[1]]).isBetween(0, 2);
                assertThat(hiddenOf(b.start(), s, 2)).containsOnly(0.0);
                for (Target t : b.targets()) {
                    assertThat(t.weight()).as("uniform weights").isCloseTo(1.0 / k, within(1e-15));
                    assertThat(sample(t.observed(), s))
                            .containsExactly(index.frame(ri[0], ri[1] + t.step() / SPACING));
                }
            }
        }
        for (MiniBatch b : start(Map.of("batches", 10L, "intermediate", false), 4, 5).planEpoch(0)) {
            assertThat(b.targets()).hasSize(1);
            assertThat(b.targets().get(0).step()).isEqualTo(b.steps());
            assertThat(b.targets().get(0).weight()).isEqualTo(1.0);
        }
    }

    @Test
    void dataWithoutPhaseLabelsAreRejected() {
        assertThatThrownBy(() -> start(TestTrajectories.random(3, T, 2, 4, 29), Map.of(), 4, 1))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining("'stratified'").hasMessageContaining("phase labels")
                .hasMessageContaining("the dataset provides none");
    }

    @Test
    void unknownOrRepeatedPhasesAreRejected() {
        assertThatThrownBy(() -> start(Map.of("phases", List.of("growing", "grown", "stable")), 4, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("key 'phases' has value [\"growing\", \"grown\", \"stable\"]")
                .hasMessageContaining("[growing, stable, regenerating]").hasMessageContaining("\"grown\" is not one");
        assertThatThrownBy(() -> start(Map.of("phases", List.of("growing", "stable", "growing")), 4, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'phases'").hasMessageContaining("\"growing\" is listed twice");
        assertThatThrownBy(() -> start(Map.of("phases", List.of(), "weights", List.of()), 4, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'phases'").hasMessageContaining("at least one phase");
    }

    @Test
    void badWeightsAreRejected() {
        assertThatThrownBy(() -> start(Map.of("weights", List.of(0.5, 0.5)), 4, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("key 'weights' has value [0.5, 0.5]")
                .hasMessageContaining("one weight per entry of 'phases' (3 phases, 2 weights)");
        assertThatThrownBy(() -> start(Map.of("weights", List.of(0.0, 0.0, 0.0)), 4, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'weights'").hasMessageContaining("positive, finite sum");
        assertThatThrownBy(() -> start(Map.of("weights", List.of(0.5, -0.1, 0.6)), 4, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'weights'").hasMessageContaining("in [0, 1000000]");
    }

    @Test
    void weightedPhasesMustHaveStartFrames() {
        // regenerating only in the last 2 frames of trajectory 2: no start for max_steps = 3
        int[][] late = labels();
        for (int i = 0; i < T; i++) {
            late[2][i] = i >= T - 2 ? REGENERATING : STABLE;
        }
        Trajectories d = labelled(TestTrajectories.random(3, T, 2, 4, 29), NAMES, late);
        assertThatThrownBy(() -> start(d, Map.of(), 4, 1))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining("phase \"regenerating\"").hasMessageContaining("none of its 2 frames")
                .hasMessageContaining("max_steps = 3").hasMessageContaining("T = 12");
        start(d, Map.of("max_steps", 1L), 4, 1); // frame T - 2 can start a single transition
        start(d, Map.of("weights", List.of(0.5, 0.5, 0.0)), 4, 1); // weight 0: not needed

        List<String> withUnused = List.of("growing", "stable", "regenerating", "dormant");
        Trajectories unused = labelled(TestTrajectories.random(3, T, 2, 4, 29), withUnused, labels());
        assertThatThrownBy(() -> start(unused, Map.of("phases", withUnused, "weights", List.of(1.0, 1.0, 1.0, 1.0)),
                4, 1))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining("phase \"dormant\"").hasMessageContaining("no frame of the training data")
                .hasMessageContaining("growing 5, stable 27, regenerating 4, dormant 0");
    }

    @Test
    void maxStepsMustLeaveAFrameAfterTheStart() {
        assertThatThrownBy(() -> start(Map.of("max_steps", 12L), 4, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("key 'max_steps' has value 12")
                .hasMessageContaining("at most T - 1 = 11").hasMessageContaining("T = 12");
    }

    @Test
    void plansDependOnlyOnSeedAndEpoch() {
        ScheduleRun inOrder = start(Map.of("batches", 3L), 5, 61);
        Map<Integer, List<MiniBatch>> plans = new HashMap<>();
        for (int epoch = 0; epoch < 4; epoch++) {
            plans.put(epoch, inOrder.planEpoch(epoch));
        }
        ScheduleRun skipping = start(Map.of("batches", 3L), 5, 61);
        for (int epoch : new int[] {3, 0}) {
            List<MiniBatch> again = skipping.planEpoch(epoch);
            for (int n = 0; n < again.size(); n++) {
                assertThat(again.get(n).keys()).isEqualTo(plans.get(epoch).get(n).keys());
                assertThat(again.get(n).steps()).isEqualTo(plans.get(epoch).get(n).steps());
            }
        }
        ScheduleRun otherSeed = start(Map.of("batches", 3L), 5, 62);
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
