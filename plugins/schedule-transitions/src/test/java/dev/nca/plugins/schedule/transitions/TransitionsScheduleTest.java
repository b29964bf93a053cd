package dev.nca.plugins.schedule.transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Boundary;
import dev.nca.api.InvalidParameterException;
import dev.nca.api.MiniBatch;
import dev.nca.api.NcaException;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.ScheduleState;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import dev.nca.testkit.NdValues;
import dev.nca.testkit.TestTrajectories;
import dev.nca.testkit.TrainingScheduleContract;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Contract plus bookkeeping of Algorithm 2. Default setting of the contract: R = 3 trajectories,
 * T = 4 frames (M = 3 transitions, keys k = 3 r + m), 2 observable + 2 hidden channels, 6x6,
 * frame spacing 2, mini-batches of 4.
 */
class TransitionsScheduleTest extends TrainingScheduleContract {

    private static final int M = 3;

    @Override
    protected TrainingSchedule schedule() {
        return new TransitionsSchedule();
    }

    private ScheduleRun start(Map<String, Object> raw) {
        return schedule().start(Params.validate(schedule().parameters(), raw, "test.toml [training.schedule_params]"),
                context(5));
    }

    /** Final states that identify their sample: every entry of sample key k is 100 e + k. */
    private static INDArray marked(MiniBatch batch, int epoch) {
        INDArray out = Nd4j.create(DataType.DOUBLE, batch.start().shape());
        for (int i = 0; i < batch.size(); i++) {
            out.get(NDArrayIndex.point(i)).assign(100.0 * epoch + batch.keys()[i]);
        }
        return out;
    }

    /** Start state [C, S, S] per key of one epoch's plan. */
    private static Map<Integer, INDArray> startsByKey(List<MiniBatch> plan) {
        Map<Integer, INDArray> out = new HashMap<>();
        for (MiniBatch b : plan) {
            for (int i = 0; i < b.size(); i++) {
                out.put(b.keys()[i], b.start().get(NDArrayIndex.point(i)).dup());
            }
        }
        return out;
    }

    private static void acceptAll(ScheduleRun run, List<MiniBatch> plan, int epoch) {
        for (MiniBatch b : plan) {
            run.accept(b, marked(b, epoch));
        }
    }

    /** The data start state of key k: observable channels from frame m of trajectory r, hidden zero. */
    private double[] dataStart(int k) {
        Trajectories d = data();
        INDArray s = Nd4j.zeros(DataType.DOUBLE, channels(), d.size(), d.size());
        s.get(NDArrayIndex.interval(0, d.channels())).assign(d.frame(k / M, k % M));
        return NdValues.of(s);
    }

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        Arrays.fill(out, v);
        return out;
    }

    @Test
    void everyTransitionOncePerEpochInShuffledMiniBatches() {
        ScheduleRun run = start(Map.of());
        List<int[]> orders = new ArrayList<>();
        for (int epoch = 0; epoch < 3; epoch++) {
            List<MiniBatch> plan = run.planEpoch(epoch);
            assertThat(plan).extracting(MiniBatch::size).containsExactly(4, 4, 1);
            int[] order = plan.stream().flatMapToInt(b -> Arrays.stream(b.keys())).toArray();
            assertThat(order).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8);
            orders.add(order);
            acceptAll(run, plan, epoch);
        }
        assertThat(orders.get(1)).as("epochs are shuffled differently").isNotEqualTo(orders.get(0));
    }

    @Test
    void startsAndTargetsComeFromTheData() {
        List<MiniBatch> plan = start(Map.of()).planEpoch(0);
        for (MiniBatch b : plan) {
            assertThat(b.steps()).isEqualTo(2);
            assertThat(b.targets()).hasSize(1);
            assertThat(b.targets().get(0).step()).isEqualTo(2);
            assertThat(b.targets().get(0).weight()).isEqualTo(1.0);
            for (int i = 0; i < b.size(); i++) {
                int k = b.keys()[i];
                assertThat(NdValues.of(b.start().get(NDArrayIndex.point(i)))).containsExactly(dataStart(k));
                assertThat(NdValues.of(b.targets().get(0).observed().get(NDArrayIndex.point(i))))
                        .as("target of key %d is frame m + 1", k)
                        .containsExactly(NdValues.of(data().frame(k / M, k % M + 1)));
            }
        }
    }

    @Test
    void predictionsPropagateOneEpochLaterExceptForReinitialisedTrajectories() {
        ScheduleRun run = start(Map.of());
        List<MiniBatch> epoch0 = run.planEpoch(0);
        Map<Integer, INDArray> before = startsByKey(epoch0); // accept may free the batch's arrays
        acceptAll(run, epoch0, 0);
        List<MiniBatch> epoch1 = run.planEpoch(1);
        Map<Integer, INDArray> starts1 = startsByKey(epoch1);
        int n = channels() * 36;
        for (int k = 0; k < 9; k++) {
            int r = k / M;
            int m = k % M;
            double[] expected = r >= 1 && m >= 1 ? filled(n, k - 1) : dataStart(k);
            assertThat(NdValues.of(starts1.get(k))).as("epoch 1 start of r=%d m=%d", r, m).containsExactly(expected);
        }
        assertThat(NdValues.of(before.get(4))).as("epoch 0 start of r=1 m=1 is the data").containsExactly(dataStart(4));
        acceptAll(run, epoch1, 1);
        Map<Integer, INDArray> starts2 = startsByKey(run.planEpoch(2));
        assertThat(NdValues.of(starts2.get(4))).containsExactly(filled(n, 100 + 3));
        assertThat(NdValues.of(starts2.get(8))).containsExactly(filled(n, 100 + 7));
        assertThat(NdValues.of(starts2.get(1))).as("re-initialised trajectory 0").containsExactly(dataStart(1));
        assertThat(NdValues.of(starts2.get(6))).as("m = 0 stays the data").containsExactly(dataStart(6));
    }

    @Test
    void statesWithoutNewPredictionsAreKept() {
        ScheduleRun run = start(Map.of());
        acceptAll(run, run.planEpoch(0), 0);
        run.planEpoch(1); // nothing accepted in epoch 1
        Map<Integer, INDArray> starts2 = startsByKey(run.planEpoch(2));
        assertThat(NdValues.of(starts2.get(5))).containsExactly(filled(channels() * 36, 4));
    }

    @Test
    void optionsChangeWhichTrajectoriesPropagate() {
        ScheduleRun none = start(Map.of("propagate", false));
        ScheduleRun two = start(Map.of("reinitialised", 2L));
        for (ScheduleRun run : List.of(none, two)) {
            acceptAll(run, run.planEpoch(0), 0);
        }
        Map<Integer, INDArray> noneStarts = startsByKey(none.planEpoch(1));
        Map<Integer, INDArray> twoStarts = startsByKey(two.planEpoch(1));
        for (int k = 0; k < 9; k++) {
            assertThat(NdValues.of(noneStarts.get(k))).containsExactly(dataStart(k));
            double[] expected = k / M == 2 && k % M >= 1 ? filled(channels() * 36, k - 1) : dataStart(k);
            assertThat(NdValues.of(twoStarts.get(k))).containsExactly(expected);
        }
    }

    @Test
    void noiseAppliesToObservableChannelsOfDataStartsOnly() {
        double a = 0.5;
        INDArray frames = Nd4j.valueArrayOf(new long[] {3, 4, 2, 6, 6}, 0.2, DataType.DOUBLE);
        Trajectories constant = new Trajectories(frames, List.of("u", "v"), 1, Optional.of(Boundary.PERIODIC),
                Optional.empty(), 0.0, 1.0);
        ScheduleContext ctx = new ScheduleContext(constant, 4, 2, 4, new RandomSource(8), DataType.DOUBLE);
        ScheduleRun run = schedule().start(Params.validate(schedule().parameters(), Map.of("noise", a), "t"), ctx);
        List<MiniBatch> epoch0 = run.planEpoch(0);
        Map<Integer, INDArray> starts0 = startsByKey(epoch0); // accept may free the batch's arrays
        for (MiniBatch b : epoch0) {
            assertThat(NdValues.of(b.targets().get(0).observed())).as("targets are never noised").containsOnly(0.2);
        }
        acceptAll(run, epoch0, 0);
        Map<Integer, INDArray> starts1 = startsByKey(run.planEpoch(1));
        double sum = 0;
        double sumSquares = 0;
        int n = 0;
        for (Map.Entry<Integer, INDArray> e : starts1.entrySet()) {
            int k = e.getKey();
            double[] obs = NdValues.of(e.getValue().get(NDArrayIndex.interval(0, 2)));
            double[] hidden = NdValues.of(e.getValue().get(NDArrayIndex.interval(2, 4)));
            if (k / M >= 1 && k % M >= 1) {
                assertThat(obs).as("propagated start %d gets no noise", k).containsOnly((double) k - 1);
                continue;
            }
            assertThat(hidden).as("hidden channels of data start %d", k).containsOnly(0.0);
            for (double v : obs) {
                // (1 - a) 0.2 + a u with u in [0, 1]: within [0.1, 0.6]
                assertThat(v).isBetween(0.1, 0.6);
                sum += v;
                sumSquares += v * v;
                n++;
            }
        }
        double mean = sum / n;
        double variance = sumSquares / n - mean * mean;
        // mean 0.1 + a / 2 = 0.35, variance a^2 / 12; n = 5 starts x 72 values
        assertThat(mean).isCloseTo(0.35, within(4 * Math.sqrt(a * a / 12 / n)));
        assertThat(variance).isCloseTo(a * a / 12, within(0.25 * a * a / 12));
        assertThat(NdValues.of(starts0.get(0))).as("noise is drawn afresh each epoch")
                .isNotEqualTo(NdValues.of(starts1.get(0)));
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> start(Map.of("reinitialised", 4L)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'reinitialised'").hasMessageContaining("at most the number of trajectories (3)");
        assertThatThrownBy(() -> start(Map.of("noise", 1.0)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("[0, 1)");
        ScheduleContext oneFrame = new ScheduleContext(TestTrajectories.random(2, 1, 2, 4, 1), 3, 1, 4,
                new RandomSource(1), DataType.DOUBLE);
        assertThatThrownBy(() -> schedule().start(params(), oneFrame))
                .isInstanceOf(NcaException.class).hasMessageContaining("at least 2 frames")
                .hasMessageContaining("T = 1");
        ScheduleRun run = start(Map.of());
        MiniBatch b = run.planEpoch(0).get(0);
        assertThatThrownBy(() -> run.accept(b, Nd4j.zeros(DataType.DOUBLE, 1, 4, 6, 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not match");
    }

    @Test
    void float32DataGiveStatesOfTheContextType() {
        Trajectories d = TestTrajectories.random(2, 3, 1, 5, 4, DataType.FLOAT);
        ScheduleContext ctx = new ScheduleContext(d, 3, 1, 8, new RandomSource(2), DataType.FLOAT);
        List<MiniBatch> plan = schedule().start(params(), ctx).planEpoch(0);
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).start().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(plan.get(0).start().shape()).containsExactly(4, 3, 5, 5);
        assertThat(plan.get(0).targets().get(0).observed().dataType()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void savedStateHoldsThePropagatedStartsOnlyAndForeignStatesAreRejected() {
        // default data: 3 trajectories of 4 frames (M = 3), trajectory 0 re-initialised from the data
        ScheduleRun run = start(Map.of());
        for (MiniBatch batch : run.planEpoch(0)) {
            run.accept(batch, marked(batch, 1));
        }
        ScheduleState saved = run.saveState().orElseThrow();
        // finals of (r, m) for r = 1, 2 and m = 0, 1 become the starts of keys r M + m + 1
        assertThat(saved.ints("propagated_keys")).containsExactly(4, 5, 7, 8);
        assertThat(saved.array("propagated_states").getDouble(2, 0, 0, 0)).isEqualTo(100.0 + 6);

        ScheduleRun reinitialisedAll = start(Map.of("reinitialised", 3L));
        assertThatThrownBy(() -> reinitialisedAll.restoreState(saved)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("propagated key 4");
        ScheduleRun otherChannels = schedule().start(params(), new ScheduleContext(data(), channels() + 1,
                frameSpacing(), minibatch(), new RandomSource(5), DataType.DOUBLE));
        assertThatThrownBy(() -> otherChannels.restoreState(saved)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("propagated_states");
    }
}
