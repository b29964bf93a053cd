package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.Split;
import dev.nca.runtime.evaluate.CheckpointModel;
import dev.nca.runtime.evaluate.EvaluationRun;
import dev.nca.runtime.evaluate.OutputFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nca evaluate CHECKPOINT}: measures a trained NCA against held-out (or training) trajectories
 * over a long horizon and prints the errors as JSON; writes {@code evaluation.json}, an
 * NCA-versus-truth picture and error plots.
 */
@Command(name = "evaluate",
        header = "Measure a trained NCA against held-out data over long rollouts",
        description = {"Roll a trained NCA from the first frame of every held-out (or, with"
        + " --from train, training) trajectory of its dataset and measure, at every frame time, the Euclidean"
        + " error ||x - y|| between its observable channels and the data and the relative error ||x - y|| / ||y||,"
        + " averaged over trajectories. Prints JSON; writes evaluation.json, comparison.png (NCA over truth,"
        + " trajectory 0),"
        + " error.png and relative-error.png. Data with phase labels (e.g. morphogenesis) also get errors per"
        + " phase: the mean and the error at the end of each phase."})
final class EvaluateCommand extends NcaSubcommand {

    @Mixin
    private EngineOption engine = new EngineOption();

    @Mixin
    private CheckpointParameter checkpoint;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "2048",
            description = "Horizon in NCA steps, a multiple of the frame spacing (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--at", paramLabel = "STEP", split = ",",
            description = "Steps to report and picture, e.g. 256,1024,2048; each a multiple of the frame spacing"
                    + " and at most --steps (default: " + EvaluationRun.DEFAULT_REPORTED_STEPS
                    + " evenly spaced, the last included).")
    private List<Long> at = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "THETA",
            description = "Also report the fraction of observable values on the other side of THETA than the"
                    + " data, e.g. 0.5 for Game of Life (the fraction of cells wrong).")
    private Double threshold;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the results (default: <run folder>/evaluation-<timestamp>/).")
    private Path out;

    @Option(names = "--from", paramLabel = "SPLIT", converter = SplitConverter.class,
            completionCandidates = SplitConverter.class, defaultValue = "held-out",
            description = "Trajectories to compare with: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE});"
                    + " train measures how well the training trajectories themselves are followed, also beyond"
                    + " the frames trained on.")
    private Split split;

    @Option(names = "--set", paramLabel = "data.params.KEY=VALUE",
            description = "Measure against other data of the model's dataset: change one of its recipe's"
                    + " [data.params] (repeatable), e.g. --set data.params.noise=0 for clean data after training on"
                    + " noisy data.")
    private Map<String, String> dataOverrides = new LinkedHashMap<>();

    @Override
    protected int run() throws Exception {
        Map<String, Object> json;
        try (HostSession session = openHost()) {
            CheckpointModel model = checkpoint.load(session, engine, dataOverrides);
            EvaluationRun evaluation = new EvaluationRun(steps, at.stream().mapToLong(Long::longValue).toArray(),
                    threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold), split);
            Path given = out == null ? null : OutputFolders.given(out, "--out"); // a bad --out fails before any work
            json = evaluation.run(model, checkpoint.file(),
                    () -> session.outputFolder(given, model.runDirectory(), "evaluation"));
        }
        out().println(new ObjectMapper().writeValueAsString(json));
        out().flush();
        return 0;
    }
}
