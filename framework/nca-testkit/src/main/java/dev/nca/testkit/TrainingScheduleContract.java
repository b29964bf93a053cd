package dev.nca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.MiniBatch;
import dev.nca.api.RandomSource;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.Target;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Contract for {@link TrainingSchedule} extensions. Extend it and implement {@link #schedule()};
 * override {@link #validParams()}, {@link #data()} and the context sizes where needed.
 *
 * <p>The contract plays the trainer: for several epochs it calls {@link ScheduleRun#planEpoch},
 * then {@link ScheduleRun#accept} for every mini-batch with synthetic final states (the start
 * plus a deterministic offset). Checks: every mini-batch has a start {@code [B, C, S, S]} of the
 * context's data type with C = {@link #channels()}, B keys, B at most the mini-batch size, targets
 * at steps within {@code 1..steps} observing {@code [B, C_obs, S, S]}, finite values; the same
 * seed and the same accepted states give the same plans; a run interrupted after an epoch and
 * resumed from its checkpoint trains exactly as the uninterrupted run ({@link ScheduleResumeCheck},
 * skipped for schedules that cannot save their state).
 */
public abstract class TrainingScheduleContract extends NamedExtensionContract<TrainingSchedule> {

    /** The schedule under test. */
    protected abstract TrainingSchedule schedule();

    @Override
    protected final TrainingSchedule extension() {
        return schedule();
    }

    /** Training data. Default: 3 trajectories of 4 frames, 2 channels, 6x6 lattice. */
    protected Trajectories data() {
        return TestTrajectories.random(3, 4, 2, 6, 17);
    }

    /** Total NCA channels C (observable plus hidden). Default: observable + 2. */
    protected int channels() {
        return data().channels() + 2;
    }

    /** NCA steps between frames. Default 2. */
    protected int frameSpacing() {
        return 2;
    }

    /** Mini-batch size. Default 4. */
    protected int minibatch() {
        return 4;
    }

    /** Epochs the checks play. Default 3. */
    protected int epochs() {
        return 3;
    }

    /** A context with the contract's data and sizes, float64, seeded with {@code seed}. */
    protected final ScheduleContext context(long seed) {
        return new ScheduleContext(data(), channels(), frameSpacing(), minibatch(), new RandomSource(seed),
                DataType.DOUBLE);
    }

    /** The final states the contract feeds back: the start plus {@code 0.01 * (epoch + 1)}. */
    protected static INDArray syntheticFinalStates(MiniBatch batch, int epoch) {
        return batch.start().add(0.01 * (epoch + 1));
    }

    /** A copy of a mini-batch whose arrays are fresh copies of its arrays. */
    private static MiniBatch copyOf(MiniBatch batch) {
        List<Target> targets = batch.targets().stream()
                .map(t -> new Target(t.step(), t.observed().dup(), t.weight())).toList();
        return new MiniBatch(batch.start().dup(), batch.steps(), targets, batch.keys());
    }

    /** Plays {@link #epochs()} epochs, returning (copies of) every epoch's plan. */
    protected final List<List<MiniBatch>> play(long seed) {
        ScheduleRun run = schedule().start(params(), context(seed));
        List<List<MiniBatch>> plans = new ArrayList<>();
        for (int epoch = 0; epoch < epochs(); epoch++) {
            List<MiniBatch> plan = run.planEpoch(epoch);
            // copies: accept is the last call about a mini-batch, and a schedule may free its arrays there
            plans.add(plan.stream().map(TrainingScheduleContract::copyOf).toList());
            for (MiniBatch batch : plan) {
                run.accept(batch, syntheticFinalStates(batch, epoch));
            }
        }
        return plans;
    }

    @Test
    public void miniBatchesHaveTheDeclaredShapes() {
        Trajectories data = data();
        for (List<MiniBatch> plan : play(1)) {
            assertThat(plan).as("mini-batches of an epoch").isNotEmpty();
            for (MiniBatch batch : plan) {
                int b = batch.size();
                assertThat(b).as("mini-batch size").isBetween(1, minibatch());
                assertThat(batch.start().shape()).as("start shape")
                        .containsExactly(b, channels(), data.size(), data.size());
                assertThat(batch.start().dataType()).isEqualTo(DataType.DOUBLE);
                assertFinite(batch.start(), "start");
                assertThat(batch.keys()).hasSize(b);
                assertThat(batch.steps()).isPositive();
                for (Target t : batch.targets()) {
                    assertThat(t.step()).isBetween(1, batch.steps());
                    assertThat(t.observed().shape()).as("target shape")
                            .containsExactly(b, data.channels(), data.size(), data.size());
                    assertFinite(t.observed(), "target");
                }
            }
        }
    }

    @Test
    public void sameSeedGivesSamePlans() {
        List<List<MiniBatch>> a = play(9);
        List<List<MiniBatch>> b = play(9);
        assertThat(b).hasSameSizeAs(a);
        for (int e = 0; e < a.size(); e++) {
            assertThat(b.get(e)).as("epoch %d plan", e).hasSameSizeAs(a.get(e));
            for (int i = 0; i < a.get(e).size(); i++) {
                MiniBatch x = a.get(e).get(i);
                MiniBatch y = b.get(e).get(i);
                assertThat(y.keys()).isEqualTo(x.keys());
                assertThat(y.steps()).isEqualTo(x.steps());
                assertThat(NdValues.of(y.start())).as("epoch %d batch %d start", e, i)
                        .containsExactly(NdValues.of(x.start()));
                assertThat(y.targets()).hasSameSizeAs(x.targets());
                for (int k = 0; k < x.targets().size(); k++) {
                    assertThat(y.targets().get(k).step()).isEqualTo(x.targets().get(k).step());
                    assertThat(y.targets().get(k).weight()).isEqualTo(x.targets().get(k).weight());
                    assertThat(NdValues.of(y.targets().get(k).observed()))
                            .containsExactly(NdValues.of(x.targets().get(k).observed()));
                }
            }
        }
    }

    /**
     * {@link ScheduleResumeCheck} with the contract's data and sizes in float32: {@link #epochs()}
     * epochs (at least 2), interrupted after epoch {@code (epochs - 1) / 2}.
     */
    @Test
    public void resumedRunTrainsExactlyAsTheUninterruptedRun(@TempDir Path folder) {
        int epochs = Math.max(2, epochs());
        new ScheduleResumeCheck(schedule(), params(), data(), channels(), frameSpacing(), minibatch(), DataType.FLOAT)
                .check(epochs, (epochs - 1) / 2, folder);
    }

    private static void assertFinite(INDArray a, String what) {
        for (double v : NdValues.of(a)) {
            if (!Double.isFinite(v)) {
                throw new AssertionError(what + " contains a non-finite value " + v);
            }
        }
    }
}
