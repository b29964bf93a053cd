package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.NcaException;
import dev.nca.runtime.experiment.ExperimentPlan;
import dev.nca.runtime.experiment.ResumePoint;
import dev.nca.runtime.experiment.RunSummary;
import dev.nca.runtime.experiment.TrainingConsole;
import dev.nca.runtime.experiment.TrainingRuns;
import dev.nca.runtime.recipe.Recipe;
import dev.nca.runtime.recipe.RecipeLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nca train RECIPE} or {@code nca train --resume CHECKPOINT}: trains an NCA as the recipe says and prints a JSON summary (run folder,
 * losses) on standard output; progress and logs go to standard error: a progress bar only when
 * standard error is a terminal and {@code -q} is not given, log lines otherwise.
 */
@Command(name = "train", description = {"Train an NCA from a TOML recipe. Results go to a new run folder"
        + " under the recipe's output.directory: resolved recipe, provenance, metrics.jsonl, checkpoints,"
        + " loss plot, snapshots and an animation. With --resume, training continues from a checkpoint's"
        + " parameters and optimiser state with the recipe stored in it (--set still applies, e.g. to train"
        + " more epochs), into a new run folder."})
final class TrainCommand extends NcaSubcommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "RECIPE",
            description = "The recipe file (TOML); omit it with --resume.")
    private Path recipe;

    @Option(names = "--resume", paramLabel = "CHECKPOINT",
            description = "Continue from a checkpoint with optimiser state, e.g. runs/<run>/checkpoints/last.nca;"
                    + " with the schedule's own state (propagated or pooled states) when the checkpoint carries it"
                    + " (last.nca and epoch-N.nca do), so the resumed run continues the interrupted one exactly.")
    private Path resume;

    @Option(names = "--set", paramLabel = "TABLE.KEY=VALUE",
            description = "Override a recipe value, e.g. --set training.epochs=10 (repeatable).")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--engine", paramLabel = "NAME",
            description = "Compute engine (fused, stencil-gemm, nd4j-reference or auto); the same as"
                    + " --set training.engine=NAME.")
    private String engine;

    @Option(names = "--tape-memory", paramLabel = "SIZE",
            description = "Back-propagation tape budget per worker thread, e.g. 2g; longer rollouts are"
                    + " recomputed in segments (gradient checkpointing); the same as --set training.tape_memory=SIZE.")
    private String tapeMemory;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Folder for run folders (default: the recipe's output.directory).")
    private Path output;

    @Override
    protected int run() throws Exception {
        if ((recipe == null) == (resume == null)) {
            throw new NcaException(recipe == null ? "give a RECIPE to train, or --resume CHECKPOINT to continue"
                    : "give either a RECIPE or --resume CHECKPOINT, not both (a checkpoint carries its recipe;"
                    + " change it with --set)");
        }
        if (engine != null) {
            overrides.put("training.engine", engine);
        }
        if (tapeMemory != null) {
            overrides.put("training.tape_memory", tapeMemory);
        }
        ResumePoint from = resume == null ? null : ResumePoint.read(resume);
        Recipe r = from == null ? RecipeLoader.load(recipe, overrides)
                : RecipeLoader.parse(from.checkpoint().recipe(), resume + " (recipe)", overrides);
        RunSummary summary;
        try (RunLogFile log = RunLogFile.begin(); HostSession session = openHost()) {
            ExperimentPlan plan = ExperimentPlan.resolve(r, session.extensions(), session.engines());
            Path root = output != null ? output : Path.of(r.output().directory());
            boolean bar = root().environment().stderrTerminal() && !root().loggingOptions().quiet();
            TrainingRuns runs = session.injector().getInstance(TrainingRuns.class);
            try {
                summary = runs.create(plan, overrides, root, from, new TrainingConsole(bar, log::writeInto)).run();
            } catch (RuntimeException e) {
                log.line("nca: " + e.getMessage());
                throw e;
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", summary.directory().toString());
        json.put("epochs", summary.epochs());
        json.put("do_nothing_loss", summary.doNothingLoss());
        json.put("first_loss", summary.firstLoss());
        json.put("final_loss", summary.finalLoss());
        json.put("best_loss", summary.bestLoss());
        json.put("seconds", summary.seconds());
        out().println(new ObjectMapper().writeValueAsString(json));
        out().flush();
        return 0;
    }
}
