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
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The {@code noise} option of {@code single-step} and {@code multi-step}. Data: R = 3 trajectories
 * of T = 10 frames, 2 observable channels (values in [0, 1)) + 2 hidden, 4x4, frame spacing 2, but
 * a declared value range of [-2, 3], so that noise drawn from any other range is caught.
 */
class NoisyStartsTest {

    private static final int T = 10;
    private static final int OBS = 2;
    private static final int SPACING = 2;
    private static final double LOW = -2.0;
    private static final double HIGH = 3.0;
    private static final double A = 0.3;

    private static Trajectories data(double low, double high, DataType dtype) {
        Trajectories d = TestTrajectories.random(3, T, OBS, 4, 23, dtype);
        return new Trajectories(d.frames(), d.channelNames(), d.frameSpacing(), d.boundary(), d.phases(), low, high);
    }

    private static ScheduleRun start(TrainingSchedule schedule, Trajectories data, Map<String, Object> raw,
                                     int minibatch, long seed, DataType dtype) {
        ScheduleContext ctx = new ScheduleContext(data, OBS + 2, SPACING, minibatch, new RandomSource(seed), dtype);
        return schedule.start(Params.validate(schedule.parameters(), raw, "test [training.schedule_params]"), ctx);
    }

    private static ScheduleRun start(TrainingSchedule schedule, Map<String, Object> raw, int minibatch, long seed) {
        return start(schedule, data(LOW, HIGH, DataType.DOUBLE), raw, minibatch, seed, DataType.DOUBLE);
    }

    private static final Map<String, Object> MULTI = Map.of("batches", 40L, "intermediate", true,
            "curriculum_epochs", 1L, "noise", A);
    private static final Map<String, Object> MULTI_CLEAN = Map.of("batches", 40L, "intermediate", true,
            "curriculum_epochs", 1L);

    @Test
    void startsBlendTheDataWithUniformNoiseOverTheValueRange() {
        DataFrames index = new DataFrames(data(LOW, HIGH, DataType.DOUBLE));
        ScheduleRun noisy = start(new MultiStepSchedule(), MULTI, 3, 5);
        ScheduleRun clean = start(new MultiStepSchedule(), MULTI_CLEAN, 3, 5);
        double sum = 0;
        double sumSquares = 0;
        long n = 0;
        for (int epoch = 0; epoch < 3; epoch++) {
            List<MiniBatch> plan = noisy.planEpoch(epoch);
            List<MiniBatch> reference = clean.planEpoch(epoch);
            assertThat(plan).hasSameSizeAs(reference);
            for (int m = 0; m < plan.size(); m++) {
                MiniBatch b = plan.get(m);
                MiniBatch c = reference.get(m);
                assertThat(b.keys()).as("noise leaves the starts unchanged").isEqualTo(c.keys());
                assertThat(b.steps()).as("noise leaves the horizons unchanged").isEqualTo(c.steps());
                assertCleanTargets(b, c);
                for (int s = 0; s < b.size(); s++) {
                    double[] x = index.frame(b.keys()[s] / T, b.keys()[s] % T);
                    double[] y = observableOf(b.start(), s, OBS);
                    assertThat(hiddenOf(b.start(), s, OBS)).as("hidden channels").containsOnly(0.0);
                    for (int e = 0; e < x.length; e++) {
                        double u = (y[e] - (1 - A) * x[e]) / A;
                        assertThat(u).as("recovered uniform").isBetween(LOW - 1e-12, HIGH + 1e-12);
                        sum += u;
                        sumSquares += u * u;
                        n++;
                    }
                }
            }
        }
        double width = HIGH - LOW;
        double mean = sum / n;
        double variance = sumSquares / n - mean * mean;
        // U(-2, 3): mean 0.5, variance w^2 / 12; the standard error of the sample variance is
        // w^2 sqrt((1/80 - 1/144) / n) (fourth central moment w^4 / 80). n = 3 epochs x 120 starts x 32.
        assertThat(n).isEqualTo(3 * 40 * 3 * 32);
        assertThat(mean).isCloseTo((LOW + HIGH) / 2, within(4 * Math.sqrt(width * width / 12 / n)));
        assertThat(variance).isCloseTo(width * width / 12,
                within(4 * width * width * Math.sqrt((1.0 / 80 - 1.0 / 144) / n)));
    }

    private static void assertCleanTargets(MiniBatch noisy, MiniBatch clean) {
        assertThat(noisy.targets()).hasSameSizeAs(clean.targets());
        for (int t = 0; t < clean.targets().size(); t++) {
            Target x = clean.targets().get(t);
            Target y = noisy.targets().get(t);
            assertThat(y.step()).isEqualTo(x.step());
            assertThat(y.weight()).isEqualTo(x.weight());
            assertThat(NdValues.of(y.observed())).as("targets are the clean frames")
                    .containsExactly(NdValues.of(x.observed()));
        }
    }

    /**
     * The noise is reproduced independently: uniforms from the stream
     * {@code <schedule>/noise/<epoch>} (single-step in curriculum epochs), mini-batch after
     * mini-batch, element by element in C order, blended as {@code (1 - a) x + a u}.
     */
    @Test
    void noiseComesFromItsOwnStreamNamedAfterTheEpochKind() {
        long seed = 17;
        DataFrames index = new DataFrames(data(LOW, HIGH, DataType.DOUBLE));
        ScheduleRun multi = start(new MultiStepSchedule(), MULTI, 3, seed);
        ScheduleRun single = start(new SingleStepSchedule(), Map.of("batches", 5L, "noise", A), 4, seed);
        for (int epoch = 0; epoch < 3; epoch++) {
            String kind = epoch < 1 ? "single-step" : "multi-step";
            assertNoiseFrom(multi.planEpoch(epoch), new RandomSource(seed).stream(kind + "/noise/" + epoch), index);
            assertNoiseFrom(single.planEpoch(epoch), new RandomSource(seed).stream("single-step/noise/" + epoch),
                    index);
        }
    }

    private static void assertNoiseFrom(List<MiniBatch> plan, SplittableRandom stream, DataFrames index) {
        for (MiniBatch b : plan) {
            for (int s = 0; s < b.size(); s++) {
                double[] x = index.frame(b.keys()[s] / T, b.keys()[s] % T);
                double[] y = observableOf(b.start(), s, OBS);
                for (int e = 0; e < x.length; e++) {
                    double expected = (1 - A) * x[e] + A * stream.nextDouble(LOW, HIGH);
                    assertThat(y[e]).isCloseTo(expected, within(1e-12));
                }
            }
        }
    }

    @Test
    void sameSeedAndEpochGiveTheSameNoiseOtherEpochsOtherNoise() {
        // mini-batches of 30 >= the 27 eligible starts: every epoch starts from every frame once
        Map<String, Object> raw = Map.of("noise", A);
        ScheduleRun inOrder = start(new SingleStepSchedule(), raw, 30, 3);
        MiniBatch epoch0 = inOrder.planEpoch(0).get(0);
        MiniBatch epoch1 = inOrder.planEpoch(1).get(0);
        MiniBatch epoch2 = inOrder.planEpoch(2).get(0);
        ScheduleRun skipping = start(new SingleStepSchedule(), raw, 30, 3);
        MiniBatch again2 = skipping.planEpoch(2).get(0);
        MiniBatch again0 = skipping.planEpoch(0).get(0);
        assertThat(NdValues.of(again2.start())).containsExactly(NdValues.of(epoch2.start()));
        assertThat(NdValues.of(again0.start())).containsExactly(NdValues.of(epoch0.start()));
        double[] key0InEpoch0 = startOfKey(epoch0, 0);
        double[] key0InEpoch1 = startOfKey(epoch1, 0);
        int differing = 0;
        for (int e = 0; e < key0InEpoch0.length; e++) {
            differing += key0InEpoch0[e] != key0InEpoch1[e] ? 1 : 0;
        }
        assertThat(differing).as("frame (0, 0) gets fresh noise in another epoch").isEqualTo(key0InEpoch0.length);
        double[] otherSeed = startOfKey(start(new SingleStepSchedule(), raw, 30, 4).planEpoch(0).get(0), 0);
        assertThat(otherSeed).as("another seed, other noise").isNotEqualTo(key0InEpoch0);
    }

    private static double[] startOfKey(MiniBatch b, int key) {
        for (int s = 0; s < b.size(); s++) {
            if (b.keys()[s] == key) {
                return observableOf(b.start(), s, OBS);
            }
        }
        throw new AssertionError("key " + key + " not in the mini-batch");
    }

    @Test
    void noiseMustBeInZeroToOneExcludingOne() {
        for (TrainingSchedule schedule : List.of(new SingleStepSchedule(), new MultiStepSchedule())) {
            assertThatThrownBy(() -> start(schedule, Map.of("noise", 1.0), 4, 1))
                    .as(schedule.name()).isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("key 'noise' has value 1.0").hasMessageContaining("[0, 1)");
            assertThatThrownBy(() -> start(schedule, Map.of("noise", -0.1), 4, 1))
                    .as(schedule.name()).isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("'noise'").hasMessageContaining("-0.1");
            assertThatCode(() -> start(schedule, Map.of("noise", 0.999), 4, 1)).doesNotThrowAnyException();
        }
    }

    @Test
    void noiseNeedsAFiniteValueRange() {
        Trajectories unbounded = data(0.0, Double.POSITIVE_INFINITY, DataType.DOUBLE);
        for (TrainingSchedule schedule : List.of(new SingleStepSchedule(), new MultiStepSchedule())) {
            assertThatThrownBy(() -> start(schedule, unbounded, Map.of("noise", A), 4, 1, DataType.DOUBLE))
                    .isInstanceOf(NcaException.class).hasMessageContaining("'" + schedule.name() + "'")
                    .hasMessageContaining("noise = 0.3").hasMessageContaining("[0.0, Infinity]");
            assertThatCode(() -> start(schedule, unbounded, Map.of(), 4, 1, DataType.DOUBLE).planEpoch(0))
                    .as("without noise the range is not used").doesNotThrowAnyException();
        }
    }

    @Test
    void aSingleValueRangeBlendsTowardsThatValue() {
        Trajectories d = data(0.5, 0.5, DataType.DOUBLE);
        DataFrames index = new DataFrames(d);
        MiniBatch b = start(new SingleStepSchedule(), d, Map.of("noise", A), 4, 6, DataType.DOUBLE).planEpoch(0).get(0);
        for (int s = 0; s < b.size(); s++) {
            double[] x = index.frame(b.keys()[s] / T, b.keys()[s] % T);
            double[] y = observableOf(b.start(), s, OBS);
            for (int e = 0; e < x.length; e++) {
                assertThat(y[e]).isCloseTo((1 - A) * x[e] + A * 0.5, within(1e-15));
            }
        }
    }

    @Test
    void float32NoisyStartsStayFloat32() {
        Trajectories d = data(LOW, HIGH, DataType.FLOAT);
        DataFrames index = new DataFrames(d);
        MiniBatch b = start(new MultiStepSchedule(), d, Map.of("noise", A), 4, 2, DataType.FLOAT).planEpoch(0).get(0);
        assertThat(b.start().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(b.start().shape()).containsExactly(4, OBS + 2, 4, 4);
        for (Target t : b.targets()) {
            assertThat(t.observed().dataType()).isEqualTo(DataType.FLOAT);
        }
        for (int s = 0; s < b.size(); s++) {
            double[] x = index.frame(b.keys()[s] / T, b.keys()[s] % T);
            double[] y = observableOf(b.start(), s, OBS);
            assertThat(hiddenOf(b.start(), s, OBS)).containsOnly(0.0);
            assertThat(sample(b.targets().get(0).observed(), s)).containsExactly(
                    index.frame(b.keys()[s] / T, b.keys()[s] % T + b.targets().get(0).step() / SPACING));
            for (int e = 0; e < x.length; e++) {
                assertThat((y[e] - (1 - A) * x[e]) / A).isBetween(LOW - 1e-5, HIGH + 1e-5);
            }
        }
    }
}
