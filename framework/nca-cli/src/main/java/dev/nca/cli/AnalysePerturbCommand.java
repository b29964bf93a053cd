package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.NcaException;
import dev.nca.api.RandomSource;
import dev.nca.api.Trajectories;
import dev.nca.core.engine.NcaEngine;
import dev.nca.render.LossPlot;
import dev.nca.runtime.analyse.AnalysisFiles;
import dev.nca.runtime.analyse.ModelRollouts;
import dev.nca.runtime.analyse.Patch;
import dev.nca.runtime.analyse.PatchPositions;
import dev.nca.runtime.analyse.PerturbationAnalysis;
import dev.nca.runtime.analyse.PerturbationReport;
import dev.nca.runtime.analyse.PerturbationTruth;
import dev.nca.runtime.evaluate.CheckpointModel;
import dev.nca.runtime.evaluate.Simulator;
import dev.nca.runtime.evaluate.StartStates;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nca analyse perturb}: the response of a rollout to a local patch placed on a grid or at random
 * positions, and of the dataset's true system beside it when the dataset can simulate it.
 */
@Command(name = "perturb", description = {"Roll the model from a data frame to step --at, add a square patch"
        + " (--patch cells, --amplitude) at every position of a grid (or at --count random positions), roll all"
        + " copies --steps further and measure the RMS difference of the observable channels from the"
        + " unperturbed rollout: a curve over time (mean and largest over positions, and the update-mask noise"
        + " floor) and a heat map over the patch positions at the last step. When the dataset can simulate its"
        + " true system from a given state, the same is done for the truth, side by side."})
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

    @Option(names = "--positions", paramLabel = "grid|random", defaultValue = "grid",
            description = "Patch positions: a grid over the lattice, or --count random positions drawn from the seed"
                    + " (default: ${DEFAULT-VALUE}).")
    private String positionMode;

    @Option(names = "--count", paramLabel = "N", description = "Number of random patch positions (--positions random).")
    private Integer count;

    @Option(names = "--truth", negatable = true, description = "Also perturb the dataset's true system (default: when"
            + " the dataset can simulate it from a given state; --truth makes that required, --no-truth skips it).")
    private Boolean truth;

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
        boolean random = checkPositionOptions();
        Map<String, Object> json = new LinkedHashMap<>();
        try (HostSession session = openHost()) {
            CheckpointModel model = checkpoint.load(session, engine);
            Trajectories data = from.generate(model);
            int observable = model.config().observable();
            Patch patch = new Patch(patchSide, amplitude, allChannels ? model.config().channels() : observable);
            patch.requireFits(data.size());
            int k = every != null ? every : model.frameSpacing(data);
            int[] recorded = Simulator.recordedSteps(steps, k);
            int[] after = Arrays.copyOfRange(recorded, 1, recorded.length);
            long seed = seed(model);
            PatchPositions positions = random
                    ? PatchPositions.random(data.size(), patchSide, count,
                            new RandomSource(seed).stream("analyse/perturb/positions"))
                    : PatchPositions.grid(data.size(), patchSide, stride != null ? stride : patchSide);
            int[] measured = new int[recorded.length];
            measured[0] = at;
            System.arraycopy(after, 0, measured, 1, after.length);
            PerturbationTruth truthChoice = PerturbationTruth.resolve(model.plan(), from.split(), wanted(), allChannels,
                    model.frameSpacing(data), observable, measured);
            INDArray start = StartStates.one(data, from.trajectory(), 0, model.config().channels(), model.dataType());
            AnalysisFiles files = files(session, model, "perturb");
            PerturbationReport report;
            try (NcaEngine e = model.engine(data.size())) {
                report = new PerturbationAnalysis(new ModelRollouts(e, model.parameters(), seed)).run(start, patch,
                        positions, at, after, progress());
            }
            Optional<PerturbationReport> truthReport = truthChoice.rollouts().map(t -> new PerturbationAnalysis(t)
                    .run(start.get(NDArrayIndex.all(), NDArrayIndex.interval(0, observable), NDArrayIndex.all(),
                            NDArrayIndex.all()).dup(), new Patch(patchSide, amplitude, observable), positions, at, after,
                            progress()));
            json.put("checkpoint", checkpoint.file().toString());
            json.put("from", from.splitName());
            json.put("trajectory", from.trajectory());
            json.put("at", at);
            json.put("patch", patchSide);
            json.put("amplitude", amplitude);
            json.put("channels", patch.channels());
            json.put("seed", seed);
            json.put("positions_mode", random ? "random" : "grid");
            json.put("positions", positions.pairs());
            json.put("steps_after_perturbation", report.steps());
            json.put("mean_response", report.meanCurve());
            json.put("max_response", report.maxCurve());
            json.put("mask_noise", report.maskNoise());
            if (positions.isGrid()) {
                json.put("positions_rows", positions.gridRows());
                json.put("positions_cols", positions.gridCols());
            }
            json.put("final_response", report.finalResponse());
            json.put("final_response_map", report.finalResponseMap(data.size(), patchSide));
            truthReport.ifPresentOrElse(t -> json.put("truth", truthJson(t, data.size(), truthChoice)),
                    () -> {
                        json.put("truth_note", truthChoice.note());
                        err().println("note: " + truthChoice.note());
                    });
            double[] x = Arrays.stream(report.steps()).asDoubleStream().toArray();
            LossPlot.Builder plot = LossPlot.builder().title("response to a " + patchSide + "x" + patchSide
                    + " patch at step " + at).xLabel("steps after the perturbation").yLabel("RMS difference")
                    .series("model: mean over positions", x, report.meanCurve())
                    .series("model: largest", x, report.maxCurve());
            truthReport.ifPresent(t -> plot.series("true system: mean over positions", x, t.meanCurve())
                    .series("true system: largest", x, t.maxCurve()));
            if (model.config().masked()) {
                plot.series("mask noise (no perturbation)", x, report.maskNoise());
            }
            json.put("curve_png", files.png("response-curve.png", plot.build().render()).toString());
            double[][] modelMap = report.finalResponseMap(data.size(), patchSide);
            json.put("map_png", files.png("response-map.png", truthReport.isPresent()
                    ? AnalysisFiles.heatmaps(new String[] {"model", "true system"}, new double[][][] {modelMap,
                            truthReport.get().finalResponseMap(data.size(), patchSide)})
                    : AnalysisFiles.heatmap(modelMap)).toString());
            json.put("json", files.folder().resolve("perturb.json").toString());
            files.json("perturb.json", json);
        }
        out().println(new ObjectMapper().writeValueAsString(json));
        out().flush();
        return 0;
    }

    /** Whether the positions are random; checks that the position options go together. */
    private boolean checkPositionOptions() {
        if (!positionMode.equals("grid") && !positionMode.equals("random")) {
            throw new NcaException("--positions must be grid or random, got \"" + positionMode + "\"");
        }
        boolean random = positionMode.equals("random");
        if (random && count == null) {
            throw new NcaException("--positions random needs --count N, the number of random positions");
        }
        if (random && stride != null) {
            throw new NcaException("--stride sets the grid spacing; it does not go with --positions random");
        }
        if (!random && count != null) {
            throw new NcaException("--count sets the number of random positions; add --positions random");
        }
        if (count != null) {
            requirePositive("--count", count);
        }
        return random;
    }

    private PerturbationTruth.Wanted wanted() {
        return truth == null ? PerturbationTruth.Wanted.AUTO
                : truth ? PerturbationTruth.Wanted.REQUIRED : PerturbationTruth.Wanted.OFF;
    }

    private Map<String, Object> truthJson(PerturbationReport t, int size, PerturbationTruth choice) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("native_steps_per_nca_step", choice.rollouts().orElseThrow().nativeStepsPerNcaStep());
        out.put("mean_response", t.meanCurve());
        out.put("max_response", t.maxCurve());
        out.put("final_response", t.finalResponse());
        out.put("final_response_map", t.finalResponseMap(size, patchSide));
        return out;
    }
}
