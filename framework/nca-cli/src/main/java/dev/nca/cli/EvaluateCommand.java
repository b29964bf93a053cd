package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.core.engine.NcaEngine;
import dev.nca.api.NcaException;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.runtime.evaluate.CheckpointModel;
import dev.nca.runtime.evaluate.Evaluation;
import dev.nca.runtime.evaluate.EvaluationReport;
import dev.nca.runtime.evaluate.Evaluator;
import dev.nca.runtime.evaluate.OutputFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    private static final Logger LOG = LoggerFactory.getLogger(EvaluateCommand.class);
    private static final int DEFAULT_REPORTED_STEPS = 4;

    @Parameters(index = "0", paramLabel = "CHECKPOINT",
            description = "A checkpoint, e.g. runs/<run>/checkpoints/best.nca.")
    private Path checkpoint;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "2048",
            description = "Horizon in NCA steps, a multiple of the frame spacing (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--at", paramLabel = "STEP", split = ",",
            description = "Steps to report and picture, e.g. 256,1024,2048; each a multiple of the frame spacing"
                    + " and at most --steps (default: " + DEFAULT_REPORTED_STEPS
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

    @Override
    protected int run() throws Exception {
        if (steps < 1) {
            throw new NcaException("--steps must be at least 1, got " + steps);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        try (HostSession session = openHost()) {
            CheckpointModel model = CheckpointModel.load(checkpoint, session.extensions(), session.engines(),
                    engine.choose(session.engines()));
            int spacing = model.frameSpacing();
            if (steps % spacing != 0) {
                throw new NcaException("--steps " + steps + " is not a multiple of the frame spacing " + spacing
                        + " of " + checkpoint + "; use e.g. --steps " + Math.max(spacing, steps / spacing * spacing));
            }
            for (long step : at) {
                if (step < 0 || step > steps || step % spacing != 0) {
                    throw new NcaException("--at " + step + " is not a frame time: use multiples of the frame spacing "
                            + spacing + " from 0 to --steps " + steps);
                }
            }
            int frames = steps / spacing + 1;
            String splitName = SplitConverter.name(split);
            LOG.info("generating {} {} frames per trajectory with dataset \"{}\"", frames, splitName,
                    model.plan().dataset().entry().name());
            Trajectories truth = model.generate(split, OptionalInt.of(frames));
            LOG.info("rolling the NCA {} steps on {} {} trajectories", steps, truth.trajectories(), splitName);
            Evaluation evaluation;
            try (NcaEngine engine = model.engine(truth.size())) {
                evaluation = new Evaluator(engine, model.parameters()).evaluate(truth, spacing, model.seed("evaluate"),
                        threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold));
            }
            long[] chosen = at.isEmpty() ? EvaluationReport.defaultSteps(evaluation.steps(), DEFAULT_REPORTED_STEPS)
                    : at.stream().mapToLong(Long::longValue).toArray();
            EvaluationReport report = new EvaluationReport(evaluation, truth, chosen);
            Path folder = out != null ? OutputFolders.given(out, "--out")
                    : OutputFolders.timestamped(model.runDirectory(), "evaluation");
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("checkpoint", checkpoint.toString());
            context.put("dataset", model.plan().dataset().entry().name());
            context.put("split", splitName);
            context.put("frame_spacing", spacing);
            context.put("horizon", steps);
            if (threshold != null) {
                context.put("threshold", threshold);
            }
            EvaluationReport.Output files = report.write(folder, context);
            json.putAll(context);
            json.putAll(report.summary());
            json.put("out", folder.toString());
            json.put("evaluation", files.json().toString());
            json.put("comparison", files.comparison().toString());
            json.put("error_plot", files.errorPlot().toString());
            json.put("relative_error_plot", files.relativeErrorPlot().toString());
            LOG.info("results in {}", folder);
        }
        out().println(new ObjectMapper().writeValueAsString(json));
        out().flush();
        return 0;
    }
}
