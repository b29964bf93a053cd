package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.Trajectories;
import dev.nca.core.engine.NcaEngine;
import dev.nca.render.LossPlot;
import dev.nca.runtime.analyse.AnalysisFiles;
import dev.nca.runtime.analyse.SymmetryAnalysis;
import dev.nca.runtime.analyse.SymmetryReport;
import dev.nca.runtime.evaluate.CheckpointModel;
import dev.nca.runtime.evaluate.Simulator;
import dev.nca.runtime.evaluate.StartStates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nca analyse symmetry}: equivariance under the rotations and reflections of the lattice. */
@Command(name = "symmetry", description = {"Roll the model from a data frame and from its images under the"
        + " rotations by 90, 180 and 270 degrees and the four reflections; compare each rollout with the"
        + " transformed rollout of the untransformed frame (RMS over all channels, and relative to the state's"
        + " RMS) at every recorded step. Prints a table; writes symmetry.json and symmetry.png."})
final class AnalyseSymmetryCommand extends AnalyseSubcommand {

    @Mixin
    private CheckpointParameter checkpoint;

    @Mixin
    private StartTrajectoryOptions from;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Steps to roll (>= 1).")
    private int steps;

    @Option(names = "--every", paramLabel = "K", description = "Compare every K steps (default: the frame spacing).")
    private Integer every;

    @Override
    protected int run() throws Exception {
        requirePositive("--steps", steps);
        if (every != null) {
            requirePositive("--every", every);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        SymmetryReport report;
        try (HostSession session = openHost()) {
            CheckpointModel model = checkpoint.load(session, engine);
            Trajectories data = from.generate(model);
            int k = every != null ? every : model.frameSpacing(data);
            int[] recorded = Simulator.recordedSteps(steps, k);
            int[] compared = Arrays.copyOfRange(recorded, 1, recorded.length);
            INDArray start = StartStates.one(data, from.trajectory(), 0, model.config().channels(), model.dataType());
            long seed = seed(model);
            AnalysisFiles files = files(session, model, "symmetry");
            try (NcaEngine e = model.engine(data.size())) {
                report = new SymmetryAnalysis(e, model.parameters()).run(start, compared, seed, progress());
            }
            json.put("checkpoint", checkpoint.file().toString());
            json.put("kernels", model.config().kernels().names());
            json.put("boundary", model.config().boundary().recipeName());
            json.put("update_probability", model.config().updateProbability());
            json.put("seed", seed);
            json.put("steps", report.steps());
            List<Map<String, Object>> rows = new ArrayList<>();
            double[] x = Arrays.stream(report.steps()).asDoubleStream().toArray();
            LossPlot.Builder plot = LossPlot.builder().title("equivariance error").xLabel("step")
                    .yLabel("relative RMS error").yScale(LossPlot.YScale.LOG);
            for (int g = 0; g < report.symmetries().size(); g++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("symmetry", report.symmetries().get(g).label());
                row.put("rms", report.rms()[g]);
                row.put("relative", report.relative()[g]);
                rows.add(row);
                plot.series(report.symmetries().get(g).label(), x, floor(report.relative()[g]));
            }
            json.put("symmetries", rows);
            json.put("mask_noise_rms", report.maskNoiseRms());
            json.put("worst_relative", report.worstRelative());
            json.put("png", files.png("symmetry.png", plot.build().render()).toString());
            json.put("json", files.folder().resolve("symmetry.json").toString());
            files.json("symmetry.json", json);
        }
        printTable(report);
        out().println(new ObjectMapper().writeValueAsString(json));
        out().flush();
        return 0;
    }

    /** Zeros become 1e-17 so that a logarithmic axis can show exact equivariance. */
    private static double[] floor(double[] v) {
        return Arrays.stream(v).map(d -> Math.max(d, 1e-17)).toArray();
    }

    private void printTable(SymmetryReport report) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-15s", "relative error"));
        for (int s : report.steps()) {
            header.append(String.format(Locale.ROOT, " %10s", "step " + s));
        }
        err().println(header);
        for (int g = 0; g < report.symmetries().size(); g++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-15s",
                    report.symmetries().get(g).label()));
            for (double v : report.relative()[g]) {
                line.append(String.format(Locale.ROOT, " %10.3g", v));
            }
            err().println(line);
        }
        err().flush();
    }
}
