package dev.nca.runtime.experiment;

import dev.nca.api.ExtensionContext;
import dev.nca.api.Loss;
import dev.nca.api.NcaException;
import dev.nca.api.RandomSource;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.Trajectories;
import dev.nca.core.engine.NcaEngine;
import dev.nca.support.io.AtomicFiles;
import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.MetricsLog;
import dev.nca.core.io.SavedSchedule;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.train.DivergenceException;
import dev.nca.core.train.EpochResult;
import dev.nca.core.train.ResidentMemoryGuard;
import dev.nca.core.train.Trainer;
import dev.nca.core.train.TrainingOptions;
import dev.nca.runtime.recipe.OutputSection;
import dev.nca.runtime.recipe.Recipe;
import dev.nca.runtime.recipe.RecipeWriter;
import dev.nca.runtime.recipe.TrainingSection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an NCA as a recipe says and records everything in a {@link RunDirectory}: the resolved
 * recipe, provenance, per-epoch metrics, best and last checkpoints (written atomically), a loss
 * plot, NCA-versus-data snapshots and an animation. Every {@code validate_every} epochs the model is
 * scored by validation rollouts ({@link ValidationRollouts}); best.nca is chosen by that score or,
 * with {@code best_by = "loss"}, by training loss ({@link BestModel}). A diverging (NaN/Inf) or
 * interrupted run records that in metrics.jsonl, keeps its best checkpoint if it has one and throws
 * {@link RunWithoutResultException} saying which checkpoints it kept.
 */
public final class TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    /**
     * What a run uses besides its recipe, all from the injector through {@link TrainingRuns}.
     *
     * @param provenance what the run records about where it came from
     * @param clock      time of metrics lines
     * @param folders    makes the new run folder
     * @param pictures   writes the loss plot, snapshots and animation
     * @param progress   makes the progress display
     */
    record Services(Provenance provenance, Clock clock, TimestampedFolders folders, PictureWriter pictures,
                    TrainingProgress.Factory progress) {
    }

    private final Services services;
    private final ExperimentPlan plan;
    private final Path outputRoot;
    private final ResumePoint resume;
    private final Path exactFolder;
    private final TrainingConsole console;

    /**
     * Made by {@link TrainingRuns}: exactly one of {@code outputRoot} (a new timestamped folder
     * under it) and {@code exactFolder} (that folder itself) is non-null.
     */
    TrainingRun(Services services, ExperimentPlan plan, Path outputRoot, ResumePoint resume, TrainingConsole console,
                Path exactFolder) {
        this.services = Objects.requireNonNull(services, "services");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.outputRoot = outputRoot;
        this.resume = resume;
        this.console = Objects.requireNonNull(console, "console");
        this.exactFolder = exactFolder;
    }

    /** Runs the whole training and returns how it ended. */
    public RunSummary run() {
        ResidentMemoryGuard memory = memoryGuard(); // a bad NCA_GC_RSS fails before any work
        Recipe recipe = plan.recipe();
        TrainingSection tr = recipe.training();
        RandomSource random = plan.random();
        LOG.info("generating data with dataset \"{}\" ({})", plan.dataset().entry().name(),
                plan.dataset().entry().origin());
        Trajectories data = plan.trainingData();
        NcaConfig config = plan.modelConfig(data);
        int spacing = plan.frameSpacing(data);
        LOG.info("data: {} trajectories x {} frames, {} channels {}, {}x{} lattice, {} NCA steps per frame",
                data.trajectories(), data.length(), data.channels(), data.channelNames(), data.size(), data.size(),
                spacing);
        LOG.info("model: C={} (observable {}), H={}, kernels {} , activation {}, boundary {}, q={}, {} parameters",
                config.channels(), config.observable(), config.hidden(), config.kernels().names(),
                config.activation().name(), config.boundary().recipeName(), config.updateProbability(),
                config.parameterCount());

        NcaParameters params = NcaParameters.initialise(config, plan.dataType(), random.stream("init"),
                recipe.model().initScale());
        Loss loss = plan.loss().extension().create(plan.loss().params(),
                new ExtensionContext(random.child("loss"), plan.dataType()));
        String scheduleName = plan.schedule().entry().name();
        ScheduleStart started = ScheduleStart.of(scheduleName, plan.schedule().extension(), plan.schedule().params(),
                new ScheduleContext(data, config.channels(), spacing, tr.minibatch(), random.child("schedule"),
                        plan.dataType()),
                resume == null ? null : resume.file(), resume == null ? null : resume.checkpoint().schedule());
        ScheduleRun schedule = started.run();
        Trainer trainer = new Trainer(plan.engine(), config, data.size(), params, loss, schedule,
                new TrainingOptions(tr.learningRateSchedule(), tr.beta1(), tr.beta2(), tr.epsilon(),
                        tr.gradientNormalisation(), tr.block(), tr.threads(), tr.tapeMemory()), random.child("trainer"));
        LOG.info("engine: {}, {}", plan.dataType(), trainer.engineDescription());
        int firstEpoch = resume == null ? 0 : restore(params, trainer, config);
        int epochs = Math.toIntExact(tr.epochs());
        if (firstEpoch >= epochs) {
            throw new NcaException("checkpoint " + resume.file() + " already finished epoch " + (firstEpoch - 1)
                    + " and the recipe trains " + epochs + " epochs; ask for more, e.g. --set training.epochs="
                    + (firstEpoch + epochs));
        }

        RunDirectory dir = exactFolder != null ? RunDirectory.exact(exactFolder)
                : services.folders().runDirectory(outputRoot, recipe.experiment().name());
        LOG.info("run folder: {}", dir.root());
        String recipeText = RecipeWriter.toToml(recipe);
        writeText(dir.recipe(), recipeText);
        Map<String, Object> prov = services.provenance().describe(plan, config);
        // float32 results differ in the last bits between engines, and between SIMD and plain loops
        prov.put("engine", trainer.engineName());
        prov.put("engine_details", trainer.engineDescription());
        if (resume != null) {
            prov.put("resumed_from", Map.of("checkpoint", resume.file().toString(), "epoch", firstEpoch - 1,
                    "schedule_state", started.outcome()));
        }
        writeText(dir.provenance(), Provenance.toJson(prov));
        console.onRunFolder().accept(dir.root());

        NcaEngine engine = plan.engine().create(config, data.size(), plan.dataType());
        Snapshots snapshots = new Snapshots(engine, data, spacing, services.pictures());
        OutputSection output = recipe.output();
        ValidationRollouts validation = ValidationRollouts.prepare(plan, engine, data, spacing);
        BestModel best = new BestModel(output.bestByValidation());
        RunRecorder recorder = new RunRecorder(dir, config, recipeText, prov, firstEpoch,
                resume == null ? Double.POSITIVE_INFINITY : resume.checkpoint().bestLoss(), services.pictures());
        TrainingProgress progress = services.progress().start(firstEpoch, epochs, console.progressBar());
        long t0 = System.nanoTime();
        try (MetricsLog metrics = MetricsLog.open(dir.metrics())) {
            for (int epoch = firstEpoch; epoch < epochs; epoch++) {
                NcaParameters before = params.copy();
                EpochResult r;
                try {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("interrupted before epoch " + epoch);
                    }
                    r = trainer.runEpoch(epoch);
                } catch (DivergenceException e) {
                    progress.interrupt();
                    metrics.append(Map.of("epoch", epoch, "time", services.clock().instant().toString(),
                            "diverged", e.getMessage()));
                    String kept = keep(epoch, before, validation, best, recorder);
                    trainer.close();
                    engine.close();
                    throw new RunWithoutResultException(e.getMessage() + kept + " Run folder: " + dir.root(), e);
                } catch (RuntimeException e) {
                    if (!Thread.interrupted()) {
                        throw e;
                    }
                    // interrupted (e.g. by an embedding application): keep what was done, then stay interrupted
                    progress.interrupt();
                    String message = "training was interrupted during epoch " + epoch;
                    metrics.append(Map.of("epoch", epoch, "time", services.clock().instant().toString(),
                            "interrupted", message));
                    String kept = keep(epoch, before, validation, best, recorder);
                    trainer.close();
                    engine.close();
                    Thread.currentThread().interrupt();
                    throw new RunWithoutResultException(message + "." + kept + " Run folder: " + dir.root(), e);
                }
                recorder.loss(r.loss());
                if (epoch == 0) {
                    recorder.doNothing(r.doNothingLoss());
                    LOG.info("epoch 0: loss {} (the do-nothing rule scores {})", r.loss(), r.doNothingLoss());
                }
                best.offerLoss(epoch, r.loss(), before);
                boolean last = epoch == epochs - 1;
                Map<String, Object> line = metricsLine(r, services.clock());
                if ((epoch + 1) % output.validateEvery() == 0 || last) {
                    double error = validation.score(params);
                    line.put("validation_error", error);
                    recorder.validation(epoch, error);
                    best.offerValidation(epoch, error, r.loss(), params);
                }
                metrics.append(line);
                progress.update(r);
                if (memory.afterEpoch() && memory.collections() == 1) {
                    LOG.info("resident memory above {} MB after epoch {}: collecting garbage (ND4J frees native arrays "
                            + "only then); at most once a second from now on, set NCA_GC_RSS to change the threshold",
                            memory.threshold() >> 20, epoch);
                }
                if ((epoch + 1) % output.checkpointEvery() == 0 || last) {
                    recorder.writeBest(best);
                    recorder.writeLast(params, trainer, SavedSchedule.of(scheduleName, schedule).orElse(null), epoch,
                            r.loss(), output.keepLast());
                    recorder.writeLossPlot();
                }
                if ((epoch + 1) % output.snapshotEvery() == 0 && !last) {
                    snapshots.writeComparison(params, dir.snapshot(epoch + 1), random.derive("snapshot"));
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // one rollout serves both pictures
        var model = snapshots.rollout(params, 0, snapshots.frames(), plan.random().derive("snapshot"));
        snapshots.writeComparison(model, dir.snapshot(epochs));
        snapshots.writeAnimation(model, dir.animation());
        trainer.close();
        engine.close();
        List<Double> losses = recorder.losses();
        RunSummary summary = new RunSummary(dir.root(), epochs - firstEpoch, recorder.doNothing(), losses.get(0),
                losses.get(losses.size() - 1), recorder.bestLoss(), seconds);
        LOG.info("done in {}: loss {} -> {} (lowest {}, do-nothing {}); best.nca is epoch {} by {} {}; results in {}",
                ProgressReporter.duration(seconds), summary.firstLoss(), summary.finalLoss(), recorder.bestLoss(),
                recorder.doNothing(), best.epoch(), best.criterion(), best.score(), dir.root());
        return summary;
    }

    /**
     * After a divergence or interruption in {@code epoch}: keeps what can be kept and returns a
     * sentence saying truly what that is. With validation as the criterion, the last finite
     * parameters (those the failed epoch started from) are validated first, so that an improvement
     * since the last validation is not lost.
     */
    private static String keep(int epoch, NcaParameters before, ValidationRollouts validation, BestModel best,
                               RunRecorder recorder) {
        List<Double> losses = recorder.losses();
        if (best.byValidation() && !losses.isEmpty() && epoch - 1 > best.epoch()) {
            best.offerValidation(epoch - 1, validation.score(before), losses.get(losses.size() - 1), before);
        }
        recorder.writeBest(best);
        recorder.writeLossPlot();
        if (!best.exists()) {
            return " No checkpoint was written: the run stopped before it had a finite model to keep.";
        }
        return " checkpoints/best.nca holds the best model before that (epoch " + best.epoch() + ", "
                + best.criterion() + " " + best.score() + ")"
                + (recorder.lastCheckpointEpoch() >= 0 ? "; checkpoints/last.nca is from epoch "
                + recorder.lastCheckpointEpoch() : "") + ".";
    }

    private static ResidentMemoryGuard memoryGuard() {
        try {
            return ResidentMemoryGuard.forThisProcess();
        } catch (IllegalArgumentException e) {
            throw new NcaException(e.getMessage(), e);
        }
    }

    /** Loads the resume point's parameters and optimiser state; returns the first epoch to train. */
    private int restore(NcaParameters params, Trainer trainer, NcaConfig config) {
        Checkpoint c = resume.checkpoint();
        NcaParameters saved;
        try {
            saved = c.toParameters(config);
        } catch (IllegalArgumentException e) {
            throw new NcaException("checkpoint " + resume.file() + " does not fit the recipe's model: "
                    + e.getMessage(), e);
        }
        if (c.dataType() != plan.dataType()) {
            throw new NcaException("checkpoint " + resume.file() + " holds " + c.dataType() + " tensors but the recipe"
                    + " asks for " + plan.recipe().experiment().dtype());
        }
        params.tensors().forEach((name, t) -> t.assign(saved.tensors().get(name)));
        c.optimiser().restore(trainer.optimizer(), config);
        LOG.info("resuming from {} after epoch {}", resume.file(), c.epoch());
        return resume.nextEpoch();
    }

    private static Map<String, Object> metricsLine(EpochResult r, Clock clock) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", r.epoch());
        m.put("time", clock.instant().toString());
        m.put("loss", r.loss());
        m.put("batch_losses", r.batchLosses());
        m.put("seconds", r.seconds());
        m.put("gradient_norm", r.gradientNorm());
        m.put("learning_rate", r.learningRate());
        if (r.epoch() == 0) {
            m.put("do_nothing_loss", r.doNothingLoss());
        }
        return m;
    }

    private static void writeText(Path file, String text) {
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new NcaException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
