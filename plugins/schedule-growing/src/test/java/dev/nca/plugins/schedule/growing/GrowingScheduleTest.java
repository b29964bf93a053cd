package dev.nca.plugins.schedule.growing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.InvalidParameterException;
import dev.nca.api.MiniBatch;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleState;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import dev.nca.testkit.NdValues;
import dev.nca.testkit.TestTrajectories;
import dev.nca.testkit.TrainingScheduleContract;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Contract plus pool bookkeeping. Setting: data of R = 2 trajectories, T = 3 frames, 4 observable
 * channels ("RGBA", alpha = channel 3), 8x8 lattice; C = 6 channels; mini-batches of 4; by default
 * a pool of 12, 2 mini-batches per epoch, horizon 2..5, 1 reseeded and 1 damaged per mini-batch.
 */
class GrowingScheduleTest extends TrainingScheduleContract {

    private static final int S = 8;
    private static final int C = 6;
    private static final int B = 4;

    @Override
    protected TrainingSchedule schedule() {
        return new GrowingSchedule();
    }

    @Override
    protected Trajectories data() {
        return TestTrajectories.random(2, 3, 4, S, 17);
    }

    @Override
    protected int channels() {
        return C;
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("pool_size", 12L, "batches", 2L, "min_steps", 2L, "max_steps", 5L, "damaged", 1L);
    }

    private GrowingRun start(Map<String, Object> overrides, long seed) {
        Map<String, Object> raw = new HashMap<>(validParams());
        raw.putAll(overrides);
        return (GrowingRun) schedule().start(
                Params.validate(schedule().parameters(), raw, "test.toml [training.schedule_params]"), context(seed));
    }

    /** The seed, built independently: channels 3..C-1 are 1 at (row, col), all else 0. */
    private static double[] seed(int row, int col) {
        INDArray s = Nd4j.zeros(DataType.DOUBLE, C, S, S);
        for (int c = 3; c < C; c++) {
            s.putScalar(new long[] {c, row, col}, 1.0);
        }
        return NdValues.of(s);
    }

    private double[] target() {
        return NdValues.of(data().frame(0, 2));
    }

    /** A state [C, S, S]: observable = target + offset everywhere, hidden = hiddenValue. */
    private INDArray offsetFromTarget(double offset, double hiddenValue) {
        INDArray s = Nd4j.create(DataType.DOUBLE, C, S, S);
        s.get(NDArrayIndex.interval(0, 4)).assign(data().frame(0, 2).add(offset));
        s.get(NDArrayIndex.interval(4, C)).assign(hiddenValue);
        return s;
    }

    private static double[] sample(MiniBatch b, int i) {
        return NdValues.of(b.start().get(NDArrayIndex.point(i)));
    }

    @Test
    void everySampleTargetsTheLastFrameOfTrajectoryZeroAtTheHorizon() {
        GrowingRun run = start(Map.of(), 1);
        for (int epoch = 0; epoch < 3; epoch++) {
            List<MiniBatch> plan = run.planEpoch(epoch);
            assertThat(plan).hasSize(2);
            for (MiniBatch b : plan) {
                assertThat(b.size()).isEqualTo(B);
                assertThat(b.targets()).hasSize(1);
                assertThat(b.targets().get(0).step()).isEqualTo(b.steps());
                assertThat(b.targets().get(0).weight()).isEqualTo(1.0);
                for (int i = 0; i < B; i++) {
                    assertThat(NdValues.of(b.targets().get(0).observed().get(NDArrayIndex.point(i))))
                            .containsExactly(target());
                }
                run.accept(b, syntheticFinalStates(b, epoch));
            }
        }
    }

    @Test
    void firstEpochStartsAreSeedsAtTheCentreOrTheGivenCell() {
        for (MiniBatch b : start(Map.of("damaged", 0L), 2).planEpoch(0)) {
            for (int i = 0; i < B; i++) {
                assertThat(sample(b, i)).containsExactly(seed(4, 4));
            }
        }
        for (MiniBatch b : start(Map.of("damaged", 0L, "seed_row", 1L, "seed_column", 6L), 2).planEpoch(0)) {
            for (int i = 0; i < B; i++) {
                assertThat(sample(b, i)).containsExactly(seed(1, 6));
            }
        }
    }

    @Test
    void acceptWritesExactlyTheSampledSlots() {
        GrowingRun run = start(Map.of(), 3);
        Map<Integer, double[]> written = new HashMap<>();
        for (int epoch = 0; epoch < 3; epoch++) {
            List<MiniBatch> plan = run.planEpoch(epoch);
            int[] keys = plan.stream().flatMapToInt(b -> Arrays.stream(b.keys())).toArray();
            assertThat(keys).as("epoch %d keys", epoch).hasSize(8).doesNotHaveDuplicates();
            assertThat(Arrays.stream(keys).allMatch(k -> k >= 0 && k < 12)).isTrue();
            for (MiniBatch b : plan) {
                INDArray finals = Nd4j.create(DataType.DOUBLE, B, C, S, S);
                for (int i = 0; i < B; i++) {
                    finals.get(NDArrayIndex.point(i)).assign(100.0 * epoch + b.keys()[i] + 0.5);
                    written.put(b.keys()[i], NdValues.of(finals.get(NDArrayIndex.point(i))));
                }
                run.accept(b, finals);
                finals.assign(-1.0); // the pool keeps copies
            }
            for (int slot = 0; slot < 12; slot++) {
                double[] expected = written.getOrDefault(slot, seed(4, 4));
                assertThat(NdValues.of(run.pool().state(slot))).as("epoch %d slot %d", epoch, slot)
                        .containsExactly(expected);
                assertThat(run.pool().untouched(slot)).isEqualTo(!written.containsKey(slot));
            }
        }
    }

    @Test
    void startsComeFromThePoolWhenNothingIsReplacedOrDamaged() {
        GrowingRun run = start(Map.of("pool_size", 8L, "replace_worst", 0L, "damaged", 0L), 4);
        for (MiniBatch b : run.planEpoch(0)) {
            INDArray finals = Nd4j.create(DataType.DOUBLE, B, C, S, S);
            for (int i = 0; i < B; i++) {
                finals.get(NDArrayIndex.point(i)).assign(offsetFromTarget(0.1 * b.keys()[i], b.keys()[i]));
            }
            run.accept(b, finals);
        }
        for (MiniBatch b : run.planEpoch(1)) {
            for (int i = 0; i < B; i++) {
                int k = b.keys()[i];
                assertThat(sample(b, i)).containsExactly(NdValues.of(offsetFromTarget(0.1 * k, k)));
            }
        }
    }

    @Test
    void theWorstSamplesByObservableDistanceRestartFromTheSeed() {
        // pool = one mini-batch: every epoch uses every slot. Distances |offset| sqrt(4 S^2): slot 2 worst,
        // then slot 3; slot 0 has huge hidden channels, which must not count.
        double[] offsets = {0.1, 0.3, 0.9, -0.5};
        for (int replaced = 0; replaced <= 2; replaced++) {
            GrowingRun run = start(Map.of("pool_size", 4L, "batches", 1L, "replace_worst", (long) replaced,
                    "damaged", 0L), 5);
            MiniBatch first = run.planEpoch(0).get(0);
            INDArray finals = Nd4j.create(DataType.DOUBLE, B, C, S, S);
            for (int i = 0; i < B; i++) {
                int k = first.keys()[i];
                finals.get(NDArrayIndex.point(i)).assign(offsetFromTarget(offsets[k], k == 0 ? 1e6 : 1.0));
            }
            run.accept(first, finals);
            MiniBatch next = run.planEpoch(1).get(0);
            Set<Integer> reseeded = new HashSet<>();
            for (int i = 0; i < B; i++) {
                int k = next.keys()[i];
                if (Arrays.equals(sample(next, i), seed(4, 4))) {
                    reseeded.add(k);
                } else {
                    assertThat(sample(next, i)).as("slot %d kept", k)
                            .containsExactly(NdValues.of(offsetFromTarget(offsets[k], k == 0 ? 1e6 : 1.0)));
                }
            }
            Set<Integer> expected = switch (replaced) {
                case 0 -> Set.of();
                case 1 -> Set.of(2);
                default -> Set.of(2, 3);
            };
            assertThat(reseeded).as("reseeded with replace_worst = %d", replaced).isEqualTo(expected);
        }
    }

    @Test
    void theBestSampleGetsTheDiscFromTheDamageStreamFromTheStartEpochOn() {
        long seed = 6;
        double[] offsets = {0.4, 0.05, 0.9, -0.3}; // slot 1 best, slot 2 worst
        GrowingRun run = start(Map.of("pool_size", 4L, "batches", 1L, "damaged", 1L, "damage_start_epoch", 1L,
                "damage_radius_min", 0.25, "damage_radius_max", 0.4, "damage_centre_spread", 0.6), seed);
        MiniBatch first = run.planEpoch(0).get(0);
        for (int i = 0; i < B; i++) {
            assertThat(sample(first, i)).as("epoch 0: no damage before damage_start_epoch").containsExactly(seed(4, 4));
        }
        INDArray finals = Nd4j.create(DataType.DOUBLE, B, C, S, S);
        for (int i = 0; i < B; i++) {
            finals.get(NDArrayIndex.point(i)).assign(offsetFromTarget(offsets[first.keys()[i]], 2.0));
        }
        run.accept(first, finals);
        MiniBatch next = run.planEpoch(1).get(0);

        // the disc, from the documented draw: row, column uniform in 3.5 -+ 0.6 * 3.5, radius 8 U[0.25, 0.4]
        SplittableRandom rng = new RandomSource(seed).stream("growing/damage/1");
        double half = 0.6 * 3.5;
        double row = 3.5 - half + 2 * half * rng.nextDouble();
        double col = 3.5 - half + 2 * half * rng.nextDouble();
        double radius = 8 * (0.25 + (0.4 - 0.25) * rng.nextDouble());
        for (int i = 0; i < B; i++) {
            int k = next.keys()[i];
            INDArray got = next.start().get(NDArrayIndex.point(i));
            INDArray kept = offsetFromTarget(offsets[k], 2.0);
            if (k == 2) {
                assertThat(NdValues.of(got)).as("worst slot reseeded").containsExactly(seed(4, 4));
                continue;
            }
            int zeroed = 0;
            for (int y = 0; y < S; y++) {
                for (int x = 0; x < S; x++) {
                    boolean inside = (y - row) * (y - row) + (x - col) * (x - col) < radius * radius;
                    boolean damagedCell = k == 1 && inside;
                    zeroed += damagedCell ? 1 : 0;
                    for (int c = 0; c < C; c++) {
                        assertThat(got.getDouble(c, y, x)).as("slot %d channel %d cell (%d, %d)", k, c, y, x)
                                .isEqualTo(damagedCell ? 0.0 : kept.getDouble(c, y, x));
                    }
                }
            }
            if (k == 1) {
                assertThat(zeroed).as("radius >= 2 covers at least the 3x3 block's centre").isPositive();
            }
        }
    }

    @Test
    void horizonsAreUniformWithinTheBounds() {
        GrowingRun run = start(Map.of("damaged", 0L, "replace_worst", 0L), 7);
        int[] counts = new int[6];
        int draws = 0;
        for (int epoch = 0; epoch < 300; epoch++) {
            for (MiniBatch b : run.planEpoch(epoch)) {
                assertThat(b.steps()).isBetween(2, 5);
                counts[b.steps()]++;
                draws++;
            }
        }
        double p = 0.25;
        for (int s = 2; s <= 5; s++) {
            assertThat((double) counts[s]).as("horizon %d", s)
                    .isCloseTo(draws * p, within(5 * Math.sqrt(draws * p * (1 - p))));
        }
        for (MiniBatch b : start(Map.of("min_steps", 3L, "max_steps", 3L), 7).planEpoch(0)) {
            assertThat(b.steps()).isEqualTo(3);
        }
    }

    @Test
    void differentSeedsGiveDifferentDrawsAndTheSameSeedTheSame() {
        int[] a = start(Map.of(), 10).planEpoch(0).get(0).keys();
        int[] again = start(Map.of(), 10).planEpoch(0).get(0).keys();
        int[] other = start(Map.of(), 11).planEpoch(0).get(0).keys();
        int[] nextEpoch = start(Map.of(), 10).planEpoch(1).get(0).keys();
        assertThat(again).containsExactly(a);
        assertThat(other).isNotEqualTo(a);
        assertThat(nextEpoch).isNotEqualTo(a);
    }

    @Test
    void float32ContextGivesFloat32States() {
        Trajectories d = TestTrajectories.random(1, 1, 4, 6, 3, DataType.FLOAT);
        ScheduleContext ctx = new ScheduleContext(d, 5, 1, 2, new RandomSource(1), DataType.FLOAT);
        Params p = Params.validate(schedule().parameters(),
                Map.of("pool_size", 4L, "min_steps", 1L, "max_steps", 2L, "damaged", 1L), "t");
        MiniBatch b = schedule().start(p, ctx).planEpoch(0).get(0);
        assertThat(b.start().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(b.start().shape()).containsExactly(2, 5, 6, 6);
        assertThat(b.targets().get(0).observed().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(NdValues.of(b.targets().get(0).observed().get(NDArrayIndex.point(1))))
                .containsExactly(NdValues.of(d.frame(0, 0)));
    }

    @Test
    void inconsistentSettingsAreRejectedWithClearMessages() {
        assertRejected(Map.of("min_steps", 10L, "max_steps", 9L), "'max_steps' has value 9",
                "an integer >= min_steps (10)");
        assertRejected(Map.of("pool_size", 7L), "'pool_size' has value 7",
                "at least batches * minibatch = 2 * 4 = 8");
        assertRejected(Map.of("replace_worst", 5L), "'replace_worst' has value 5", "at most the mini-batch size (4)");
        assertRejected(Map.of("damaged", 4L), "'damaged' has value 4", "at most minibatch - replace_worst = 4 - 1 = 3");
        assertRejected(Map.of("damage_radius_min", 0.3, "damage_radius_max", 0.2), "'damage_radius_max' has value 0.2",
                ">= damage_radius_min (0.3)");
        assertRejected(Map.of("alpha_channel", 4L), "'alpha_channel' has value 4",
                "an observable channel index, 0..3");
        assertRejected(Map.of("seed_row", 8L), "'seed_row' has value 8", "lattice index 0..7");
        assertRejected(Map.of("seed_column", 9L), "'seed_column' has value 9", "lattice index 0..7");
        assertThatThrownBy(() -> start(Map.of("damage_edges", "reflect"), 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'damage_edges'")
                .hasMessageContaining("one of [clip, wrap]");
        assertThatThrownBy(() -> start(Map.of("min_steps", 0L), 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("an integer in [1, 100000]");
        // the boundary cases are accepted
        start(Map.of("pool_size", 8L, "replace_worst", 1L, "damaged", 3L, "min_steps", 4L, "max_steps", 4L), 1);
    }

    private void assertRejected(Map<String, Object> overrides, String what, String allowed) {
        assertThatThrownBy(() -> start(overrides, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("test.toml [training.schedule_params]")
                .hasMessageContaining(what)
                .hasMessageContaining(allowed);
    }

    @Test
    void acceptChecksShapesAndKeys() {
        GrowingRun run = start(Map.of(), 1);
        List<MiniBatch> plan = run.planEpoch(0);
        MiniBatch b = plan.get(0);
        assertThatThrownBy(() -> run.accept(b, Nd4j.zeros(DataType.DOUBLE, 3, C, S, S)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not match");
        run.accept(b, syntheticFinalStates(b, 0));
        assertThatThrownBy(() -> run.accept(b, syntheticFinalStates(b, 0)))
                .as("accepted twice").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not yet accepted");
        MiniBatch foreign = new MiniBatch(b.start(), b.steps(), b.targets(), new int[] {0, 1, 2, 40});
        assertThatThrownBy(() -> run.accept(foreign, syntheticFinalStates(b, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
    }

    @Test
    void savedPoolHoldsTheWrittenSlotsAndForeignPoolsAreRejected() {
        GrowingRun run = start(Map.of(), 3);
        List<MiniBatch> plan = run.planEpoch(0);
        Set<Integer> written = new HashSet<>();
        for (MiniBatch batch : plan) {
            run.accept(batch, batch.start().add(1.0));
            Arrays.stream(batch.keys()).forEach(written::add);
        }
        ScheduleState saved = run.saveState().orElseThrow();
        assertThat(saved.ints("pool_slots"))
                .containsExactly(written.stream().sorted().mapToInt(Integer::intValue).toArray());
        assertThat(saved.array("pool_states").shape()).containsExactly(written.size(), C, S, S);

        GrowingRun fresh = start(Map.of(), 3);
        fresh.restoreState(saved);
        for (int slot = 0; slot < 12; slot++) {
            assertThat(fresh.pool().untouched(slot)).as("slot %d", slot).isEqualTo(!written.contains(slot));
        }
        GrowingRun smaller = start(Map.of("pool_size", 8L), 3);
        ScheduleState beyond = ScheduleState.builder().ints("pool_slots", 9)
                .array("pool_states", Nd4j.zeros(DataType.DOUBLE, 1, C, S, S)).build();
        assertThatThrownBy(() -> smaller.restoreState(beyond)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slot 9");
        ScheduleState wrongShape = ScheduleState.builder().ints("pool_slots", 1)
                .array("pool_states", Nd4j.zeros(DataType.DOUBLE, 1, C + 1, S, S)).build();
        assertThatThrownBy(() -> fresh.restoreState(wrongShape)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("this pool keeps");
        assertThat(fresh.pool().untouched(written.iterator().next())).as("a rejected state changes nothing").isFalse();
    }
}
