package dev.nca.runtime.sweep;

import com.google.inject.Inject;
import dev.nca.api.NcaException;
import dev.nca.api.Split;
import dev.nca.core.engine.EngineCatalog;
import dev.nca.core.engine.EngineFactory;
import dev.nca.runtime.evaluate.CheckpointModel;
import dev.nca.runtime.evaluate.EvaluationRun;
import dev.nca.runtime.evaluate.OutputFolders;
import dev.nca.runtime.experiment.ExperimentPlan;
import dev.nca.runtime.experiment.RunSummary;
import dev.nca.runtime.experiment.TrainingRuns;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.runtime.recipe.Recipe;
import dev.nca.runtime.recipe.RecipeLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs one point of a sweep in this process: trains its resolved recipe into the point's own
 * folder, evaluates the best checkpoint as the sweep's {@code [evaluation]} says (into
 * {@code evaluation/}), and records the point's state: {@code running} when it starts,
 * {@code done} with the results only when everything is written, {@code failed} with the message
 * otherwise. A point killed half-way stays {@code running}; the next run of the sweep moves its
 * files aside and starts it again.
 */
public final class PointRun {

    private final Extensions extensions;
    private final EngineCatalog engines;
    private final TrainingRuns runs;

    /**
     * @param extensions the host's extensions
     * @param engines    the host's engines; a point trains and is evaluated on its recipe's engine
     * @param runs       makes the point's training run
     */
    @Inject
    public PointRun(Extensions extensions, EngineCatalog engines, TrainingRuns runs) {
        this.extensions = extensions;
        this.engines = engines;
        this.runs = runs;
    }

    /**
     * @param folder  the sweep folder
     * @param name    the point
     * @param threads training threads (0 = the recipe's setting)
     * @return the result recorded in the point's state
     */
    public Map<String, Object> run(SweepFolder folder, String name, int threads) {
        Path dir = folder.point(name);
        Optional<PointState> before = folder.state(name);
        if (before.isPresent() && before.get().done() && folder.evaluationIsStale(before.get())) {
            return evaluateAgain(folder, name, dir, before.get());
        }
        int attempt = folder.startAttempt(name);
        String host = host();
        folder.writeState(name, new PointState(PointState.RUNNING, attempt, host, null, null));
        try {
            Map<String, String> overrides = threads > 0 ? Map.of("training.threads", Integer.toString(threads))
                    : Map.of();
            Recipe recipe = RecipeLoader.load(dir.resolve("recipe.toml"), overrides);
            ExperimentPlan plan = ExperimentPlan.resolve(recipe, extensions, engines);
            RunSummary summary = runs.inFolder(plan, dir).run();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("epochs", summary.epochs());
            result.put("seconds", summary.seconds());
            result.put("do_nothing_loss", summary.doNothingLoss());
            result.put("first_loss", summary.firstLoss());
            result.put("final_loss", summary.finalLoss());
            result.put("best_loss", summary.bestLoss());
            folder.evaluation().ifPresent(e -> {
                result.put("evaluation", evaluate(dir, e, plan.engine()));
                result.put(SweepFolder.EVALUATION_SPEC, e);
            });
            folder.writeState(name, new PointState(PointState.DONE, attempt, host, null, result));
            return result;
        } catch (RuntimeException | Error e) {
            folder.writeState(name, new PointState(PointState.FAILED, attempt, host,
                    e.getMessage() == null ? e.getClass().getName() : e.getMessage(), null));
            throw e;
        }
    }

    /**
     * A done point whose evaluation is out of date: its earlier evaluation folder is moved to
     * {@code attempts/NAME.evaluation.N/}, the best checkpoint is evaluated as the sweep now says,
     * and the state keeps the training results with the new evaluation. A failure leaves the
     * point done with its earlier results (and says so).
     */
    private Map<String, Object> evaluateAgain(SweepFolder folder, String name, Path dir, PointState done) {
        Map<String, Object> spec = folder.evaluation().orElseThrow();
        Path old = dir.resolve("evaluation");
        try {
            if (Files.exists(old)) {
                Path aside = folder.root().resolve("attempts").resolve(name + ".evaluation." + done.attempt());
                for (int i = 0; Files.exists(aside); i++) {
                    aside = folder.root().resolve("attempts").resolve(name + ".evaluation." + done.attempt() + "-" + i);
                }
                Files.createDirectories(aside.getParent());
                Files.move(old, aside);
            }
        } catch (IOException e) {
            throw new NcaException("cannot move the earlier evaluation of point " + name + " aside: " + e.getMessage(),
                    e);
        }
        Recipe recipe = RecipeLoader.load(dir.resolve("recipe.toml"), Map.of());
        ExperimentPlan plan = ExperimentPlan.resolve(recipe, extensions, engines);
        Map<String, Object> result = new LinkedHashMap<>(done.result());
        result.put("evaluation", evaluate(dir, spec, plan.engine()));
        result.put(SweepFolder.EVALUATION_SPEC, spec);
        folder.writeState(name, new PointState(PointState.DONE, done.attempt(), done.host(), null, result));
        return result;
    }

    private Map<String, Object> evaluate(Path dir, Map<String, Object> spec, EngineFactory engine) {
        Path best = dir.resolve("checkpoints").resolve("best.nca");
        @SuppressWarnings("unchecked")
        Map<String, String> data = spec.containsKey("set")
                ? ((Map<String, Object>) spec.get("set")).entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> String.valueOf(e.getValue()), (a, b) -> a, LinkedHashMap::new))
                : Map.of();
        CheckpointModel model = CheckpointModel.load(best, extensions, engines, engine, data);
        @SuppressWarnings("unchecked")
        long[] at = ((List<Number>) spec.get("at")).stream().mapToLong(Number::longValue).toArray();
        OptionalDouble threshold = spec.containsKey("threshold")
                ? OptionalDouble.of(((Number) spec.get("threshold")).doubleValue()) : OptionalDouble.empty();
        Split split = "train".equals(spec.get("from")) ? Split.TRAIN : Split.HELD_OUT;
        EvaluationRun run = new EvaluationRun(((Number) spec.get("steps")).intValue(), at, threshold, split);
        Path out = OutputFolders.given(dir.resolve("evaluation"), "evaluation folder");
        Map<String, Object> json = run.run(model, best, () -> out);
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("horizon", json.get("horizon"));
        kept.put("frame_spacing", json.get("frame_spacing"));
        kept.put("split", json.get("split"));
        kept.put("at", json.get("at"));
        if (!data.isEmpty()) {
            kept.put("set", data);
        }
        return kept;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

}
