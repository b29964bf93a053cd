package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.NcaException;
import dev.nca.api.Trajectories;
import dev.nca.core.engine.NcaEngine;
import dev.nca.render.LossPlot;
import dev.nca.runtime.analyse.AnalysisFiles;
import dev.nca.runtime.analyse.Patch;
import dev.nca.runtime.analyse.PerturbationAnalysis;
import dev.nca.runtime.analyse.PerturbationReport;
import dev.nca.runtime.evaluate.CheckpointModel;
import dev.nca.runtime.evaluate.Simulator;
import dev.nca.runtime.evaluate.StartStates;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nca analyse perturb}: the response of a rollout to a local patch placed on a grid. */
@Command(name = "perturb", description = {"Roll the model from a data frame to step --at, add a square patch"
        + " (--patch cells, --amplitude) at every position of a grid, roll all copies --steps further and"
        + " measure the RMS difference of the observable channels from the unperturbed rollout: a curve over"
        + " time (mean and largest over positions, and the update-mask noise floor) and a heat map over the"
        + " patch positions at the last step."})
final class AnalysePerturbCommand extends AnalyseSubcommand {

    @Mixin
    private CheckpointParameter checkpoint;

    @Mixin
    private StartTrajectoryOptions from;

    @Option(names = "--at", paramLabel = "T", defaultValue = "0",
            description = "Steps from the data frame before perturbing (default: ${DEFAULT-VALUE}).")
    private int at;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Steps to roll after the perturbation.")
    private int steps;

    @Option(names = "--every", paramLabel = "K", description = "Measure every K steps (default: the frame spacing).")
    private Integer every;

    @Option(names = "--patch", paramLabel = "P", defaultValue = "3",
            description = "Side of the square patch in cells (default: ${DEFAULT-VALUE}).")
    private int patchSide;

    @Option(names = "--amplitude", paramLabel = "A", defaultValue = "0.5",
            description = "Value added to every perturbed channel of the patch's cells (default: ${DEFAULT-VALUE}).")
    private double amplitude;

    @Option(names = "--stride", paramLabel = "D",
            description = "Grid spacing of the patch positions in cells (default: the patch side).")
    private Integer stride;

    @Option(names = "--all-channels", description = "Perturb hidden channels too (default: observable channels only).")
    private boolean allChannels;

    @Override
    protected int run() throws Exception {
        requirePositive("--steps", steps);
        requirePositive("--patch", patchSide);
        if (at < 0) {
            throw new NcaException("--at must be at least 0, got " + at);
        }
        if (every != null) {
            requirePositive("--every", every);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        try (HostSession session = openHost()) {
            CheckpointModel model = checkpoint.load(session, engine);
            Trajectories data = from.generate(model);
            Patch patch = new Patch(patchSide, amplitude,
                    allChannels ? model.config().channels() : model.config().observable());
            patch.requireFits(data.size());
            int k = every != null ? every : model.frameSpacing(data);
            int[] after = Arrays.copyOfRange(Simulator.recordedSteps(steps, k), 1,
                    Simulator.recordedSteps(steps, k).length);
            INDArray start = StartStates.one(data, from.trajectory(), 0, model.config().channels(), model.dataType());
            long seed = seed(model);
            AnalysisFiles files = files(session, model, "perturb");
            PerturbationReport report;
            try (NcaEngine e = model.engine(data.size())) {
                report = new PerturbationAnalysis(e, model.parameters()).run(start, patch,
                        stride != null ? stride : patchSide, at, after, seed, progress());
            }
            json.put("checkpoint", checkpoint.file().toString());
            json.put("from", from.splitName());
            json.put("trajectory", from.trajectory());
            json.put("at", at);
            json.put("patch", patchSide);
            json.put("amplitude", amplitude);
            json.put("channels", patch.channels());
            json.put("seed", seed);
            json.put("steps_after_perturbation", report.steps());
            json.put("mean_response", report.meanCurve());
            json.put("max_response", report.maxCurve());
            json.put("mask_noise", report.maskNoise());
            json.put("positions_rows", report.rows());
            json.put("positions_cols", report.cols());
            json.put("final_response_map", report.finalResponse());
            double[] x = Arrays.stream(report.steps()).asDoubleStream().toArray();
            LossPlot.Builder plot = LossPlot.builder().title("response to a " + patchSide + "x" + patchSide
                    + " patch at step " + at).xLabel("steps after the perturbation").yLabel("RMS difference")
                    .series("mean over positions", x, report.meanCurve())
                    .series("largest", x, report.maxCurve());
            if (model.config().masked()) {
                plot.series("mask noise (no perturbation)", x, report.maskNoise());
            }
            json.put("curve_png", files.png("response-curve.png", plot.build().render()).toString());
            json.put("map_png", files.png("response-map.png", AnalysisFiles.heatmap(report.finalResponse())).toString());
            json.put("json", files.folder().resolve("perturb.json").toString());
            files.json("perturb.json", json);
        }
        out().println(new ObjectMapper().writeValueAsString(json));
        out().flush();
        return 0;
    }
}
