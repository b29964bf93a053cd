package dev.nca.plugins.schedule.multi.step;

import static dev.nca.testkit.DataFrames.hiddenOf;
import static dev.nca.testkit.DataFrames.observableOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.InvalidParameterException;
import dev.nca.api.MiniBatch;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import dev.nca.testkit.DataFrames;
import dev.nca.testkit.TestTrajectories;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code noise_mode = "additive"}: start frames become {@code x + a (valueMax - valueMin) v},
 * {@code v ~ U(-1, 1)}, replayed independently from the stream {@code <schedule>/noise/<epoch>}
 * (uniforms u in [0, 1), element by element in C order, {@code v = 2u - 1}). Data: R = 3
 * trajectories of T = 10 frames, 2 observable + 2 hidden channels, 4x4, frame spacing 2, declared
 * value range [-2, 3] (width 5).
 */
class AdditiveNoiseTest {

    private static final int T = 10;
    private static final int OBS = 2;
    private static final double LOW = -2.0;
    private static final double HIGH = 3.0;
    private static final double A = 0.1;

    private static Trajectories data() {
        Trajectories d = TestTrajectories.random(3, T, OBS, 4, 23);
        return new Trajectories(d.frames(), d.channelNames(), d.frameSpacing(), d.boundary(), d.phases(), LOW, HIGH);
    }

    private static ScheduleRun start(TrainingSchedule schedule, Map<String, Object> raw, int minibatch, long seed) {
        ScheduleContext ctx = new ScheduleContext(data(), OBS + 2, 2, minibatch, new RandomSource(seed),
                DataType.DOUBLE);
        return schedule.start(Params.validate(schedule.parameters(), raw, "test [training.schedule_params]"), ctx);
    }

    @Test
    void startsAreTheDataPlusSymmetricUniformNoiseFromTheNoiseStream() {
        long seed = 19;
        DataFrames index = new DataFrames(data());
        ScheduleRun multi = start(new MultiStepSchedule(), Map.of("batches", 4L, "curriculum_epochs", 1L, "noise", A,
                "noise_mode", "additive"), 3, seed);
        ScheduleRun single = start(new SingleStepSchedule(), Map.of("batches", 4L, "noise", A,
                "noise_mode", "additive"), 5, seed);
        double below = 0;
        double above = 0;
        for (int epoch = 0; epoch < 3; epoch++) {
            String kind = epoch < 1 ? "single-step" : "multi-step";
            SplittableRandom multiStream = new RandomSource(seed).stream(kind + "/noise/" + epoch);
            SplittableRandom singleStream = new RandomSource(seed).stream("single-step/noise/" + epoch);
            for (var pair : new Object[][] {{multi, multiStream}, {single, singleStream}}) {
                ScheduleRun run = (ScheduleRun) pair[0];
                SplittableRandom stream = (SplittableRandom) pair[1];
                for (MiniBatch b : run.planEpoch(epoch)) {
                    for (int s = 0; s < b.size(); s++) {
                        double[] x = index.frame(b.keys()[s] / T, b.keys()[s] % T);
                        double[] y = observableOf(b.start(), s, OBS);
                        assertThat(hiddenOf(b.start(), s, OBS)).containsOnly(0.0);
                        for (int e = 0; e < x.length; e++) {
                            double shift = A * (HIGH - LOW) * (2 * stream.nextDouble() - 1);
                            assertThat(y[e]).isCloseTo(x[e] + shift, within(1e-12));
                            below += shift < 0 ? 1 : 0;
                            above += shift > 0 ? 1 : 0;
                        }
                    }
                }
            }
        }
        // symmetric: about as many values move down as up (2 x 3 epochs x ~16 starts x 32 values)
        assertThat(below / (below + above)).isCloseTo(0.5, within(0.06));
    }

    @Test
    void blendIsTheDefaultModeAndOtherModesAreRejected() {
        Map<String, Object> blend = Map.of("noise", A);
        Map<String, Object> explicit = Map.of("noise", A, "noise_mode", "blend");
        MiniBatch a = start(new SingleStepSchedule(), blend, 4, 3).planEpoch(0).get(0);
        MiniBatch b = start(new SingleStepSchedule(), explicit, 4, 3).planEpoch(0).get(0);
        assertThat(dev.nca.testkit.NdValues.of(b.start())).containsExactly(dev.nca.testkit.NdValues.of(a.start()));
        assertThatThrownBy(() -> start(new MultiStepSchedule(), Map.of("noise", A, "noise_mode", "gaussian"), 4, 3))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("key 'noise_mode' has value \"gaussian\"")
                .hasMessageContaining("blend").hasMessageContaining("additive");
    }
}
