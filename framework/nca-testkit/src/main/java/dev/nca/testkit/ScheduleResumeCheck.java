package dev.nca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.Boundary;
import dev.nca.api.Loss;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.ScheduleState;
import dev.nca.api.TrainingSchedule;
import dev.nca.api.Trajectories;
import dev.nca.core.engine.StencilGemmEngineFactory;
import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.CheckpointIO;
import dev.nca.core.io.SavedSchedule;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.ModelSpec;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.train.EpochResult;
import dev.nca.core.train.LearningRateSchedule;
import dev.nca.core.train.Trainer;
import dev.nca.core.train.TrainingOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks that a schedule resumes exactly ({@link ScheduleRun#saveState()},
 * {@link ScheduleRun#restoreState}): a small NCA (C channels, 6 hidden units with bias, identity,
 * Laplacian and an asymmetric stencil, tanh, periodic, update probability 0.5 per cell, so the
 * trainer's mask streams are exercised too) is trained {@code epochs} epochs without interruption
 * by the real trainer, writing a checkpoint (optimiser and schedule state included, through
 * {@link CheckpointIO}) after epoch k. A fresh schedule run and trainer then resume from that file
 * and train epochs {@code k + 1 .. epochs - 1}. Every epoch's loss, mini-batch losses, gradient
 * norm and learning rate, and the final parameters, must equal the uninterrupted run's bit for bit.
 *
 * <p>So that the check cannot pass by accident, when the saved state is not empty a third run
 * resumes without it (the schedule restarted from the data) and must differ from the
 * uninterrupted run in some epoch: choose a setting and k where the schedule's state is used
 * after epoch k. A schedule whose {@code saveState} is empty (it cannot save its state) is
 * skipped with a message.
 */
public final class ScheduleResumeCheck {

    private static final int HIDDEN = 6;

    private final TrainingSchedule schedule;
    private final Params scheduleParams;
    private final Trajectories data;
    private final int channels;
    private final int frameSpacing;
    private final int minibatch;
    private final DataType dtype;

    /**
     * @param schedule     the schedule under test
     * @param params       its validated parameters
     * @param data         training data {@code [R, T, C_obs, S, S]} (a few small frames)
     * @param channels     C, total NCA channels
     * @param frameSpacing NCA steps between frames
     * @param minibatch    mini-batch size
     * @param dtype        FLOAT (as training runs) or DOUBLE
     */
    public ScheduleResumeCheck(TrainingSchedule schedule, Params params, Trajectories data, int channels,
                               int frameSpacing, int minibatch, DataType dtype) {
        this.schedule = schedule;
        this.scheduleParams = params;
        this.data = data;
        this.channels = channels;
        this.frameSpacing = frameSpacing;
        this.minibatch = minibatch;
        this.dtype = dtype;
    }

    /**
     * Runs the check.
     *
     * @param epochs         epochs of the whole run, >= 2
     * @param interruptAfter k, the last epoch before the interruption, in {@code 0 .. epochs - 2}
     * @param folder         where to write the checkpoint
     * @throws AssertionError naming the first epoch (or parameter) that differs
     */
    public void check(int epochs, int interruptAfter, Path folder) {
        if (epochs < 2 || interruptAfter < 0 || interruptAfter > epochs - 2) {
            throw new IllegalArgumentException("need epochs >= 2 and 0 <= interruptAfter <= epochs - 2, got " + epochs
                    + " and " + interruptAfter);
        }
        Path file = folder.resolve("resume-check.nca");
        List<EpochResult> uninterrupted = new ArrayList<>();
        NcaParameters finalParams;
        ScheduleState saved;
        try (Session s = new Session(epochs)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                uninterrupted.add(s.trainer.runEpoch(epoch));
                if (epoch == interruptAfter) {
                    Optional<SavedSchedule> state = SavedSchedule.of(schedule.name(), s.run);
                    Assumptions.assumeTrue(state.isPresent(), "schedule '" + schedule.name()
                            + "' cannot save its state (saveState() is empty), so its runs cannot resume exactly");
                    CheckpointIO.write(file, Checkpoint.of(ModelSpec.of(s.config), s.params, s.trainer.optimizer(),
                            epoch, uninterrupted.get(epoch).loss(), Double.NaN, null, null).withSchedule(state.get()));
                }
            }
            finalParams = s.params.copy();
        }
        Checkpoint checkpoint = CheckpointIO.read(file);
        saved = checkpoint.schedule().state();
        List<EpochResult> resumed = new ArrayList<>();
        NcaParameters resumedParams = resume(checkpoint, epochs, true, resumed);
        for (int i = 0; i < resumed.size(); i++) {
            assertSameEpoch(resumed.get(i), uninterrupted.get(interruptAfter + 1 + i));
        }
        finalParams.tensors().forEach((name, t) -> assertThat(NdValues.of(resumedParams.tensors().get(name)))
                .as("parameter %s after the resumed run (schedule '%s')", name, schedule.name())
                .containsExactly(NdValues.of(t)));
        if (!saved.isEmpty()) {
            List<EpochResult> restarted = new ArrayList<>();
            resume(checkpoint, epochs, false, restarted);
            boolean differs = false;
            for (int i = 0; i < restarted.size(); i++) {
                differs |= restarted.get(i).loss() != uninterrupted.get(interruptAfter + 1 + i).loss();
            }
            assertThat(differs).as("schedule '%s' saved a state (%s), but a resume that restarts the schedule from "
                    + "the data gives the same losses as the uninterrupted run after epoch %d: the check would pass "
                    + "without the state; choose settings where it is used", schedule.name(), saved, interruptAfter)
                    .isTrue();
        }
    }

    /** A fresh session restored from the checkpoint (with or without the schedule state), trained to the end. */
    private NcaParameters resume(Checkpoint checkpoint, int epochs, boolean withScheduleState,
                                 List<EpochResult> results) {
        try (Session s = new Session(epochs)) {
            s.params.tensors().forEach((name, t) -> t.assign(checkpoint.parameters().get(name)));
            checkpoint.optimiser().restore(s.trainer.optimizer(), s.config);
            if (withScheduleState) {
                s.run.restoreState(checkpoint.schedule().state());
            }
            for (int epoch = checkpoint.epoch() + 1; epoch < epochs; epoch++) {
                results.add(s.trainer.runEpoch(epoch));
            }
            return s.params.copy();
        }
    }

    private void assertSameEpoch(EpochResult actual, EpochResult expected) {
        String what = "schedule '" + schedule.name() + "', epoch " + expected.epoch() + " of the resumed run: ";
        assertThat(actual.loss()).as(what + "loss").isEqualTo(expected.loss());
        assertThat(actual.batchLosses()).as(what + "mini-batch losses").containsExactly(expected.batchLosses());
        assertThat(actual.gradientNorm()).as(what + "gradient norm").isEqualTo(expected.gradientNorm());
        assertThat(actual.learningRate()).as(what + "learning rate").isEqualTo(expected.learningRate());
    }

    /** One training run's parts, built exactly alike for the uninterrupted and the resumed run. */
    private final class Session implements AutoCloseable {

        final NcaConfig config;
        final NcaParameters params;
        final ScheduleRun run;
        final Trainer trainer;

        Session(int epochs) {
            RandomSource random = new RandomSource(2024);
            config = new NcaConfig(channels, data.channels(), HIDDEN, true, EngineGradientCheck.referenceKernels(),
                    EngineGradientCheck.tanh(), Boundary.PERIODIC, 0.5, MaskMode.CELL);
            params = NcaParameters.initialise(config, dtype, random.stream("init"), 1.0);
            run = schedule.start(scheduleParams, new ScheduleContext(data, channels, frameSpacing, minibatch,
                    random.child("schedule"), dtype));
            trainer = new Trainer(new StencilGemmEngineFactory(), config, data.size(), this.params, new MeanSquare(),
                    run, new TrainingOptions(new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 1e-2, 1e-3,
                            epochs), 0.9, 0.999, 1e-7, true, 2, 1), random.child("trainer"));
        }

        @Override
        public void close() {
            trainer.close();
        }
    }

    /** Per-sample mean squared error, {@code mean (p - t)^2}, with gradient {@code 2 (p - t) / n}. */
    private static final class MeanSquare implements Loss {
        @Override
        public INDArray evaluate(INDArray prediction, INDArray target, INDArray gradientOut) {
            INDArray diff = prediction.sub(target);
            long n = prediction.length() / prediction.size(0);
            if (gradientOut != null) {
                gradientOut.assign(diff.mul(2.0 / n));
            }
            return diff.muli(diff).reshape(prediction.size(0), n).sum(1).divi(n);
        }
    }
}
