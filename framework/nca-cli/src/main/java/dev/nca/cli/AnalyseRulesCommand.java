package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.NcaException;
import dev.nca.api.Trajectories;
import dev.nca.core.engine.NcaEngine;
import dev.nca.runtime.analyse.AnalysisFiles;
import dev.nca.runtime.analyse.rules.ModelTransitions;
import dev.nca.runtime.analyse.rules.RuleRegression;
import dev.nca.runtime.analyse.rules.SequentialThresholding;
import dev.nca.runtime.analyse.rules.SparseFit;
import dev.nca.runtime.analyse.rules.TermLibrary;
import dev.nca.runtime.analyse.rules.Transition;
import dev.nca.runtime.evaluate.CheckpointModel;
import dev.nca.runtime.evaluate.StartStates;
import dev.nca.runtime.experiment.ExperimentPlan;
import dev.nca.runtime.recipe.RecipeLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nca analyse rules}: the learned update rule of the observable channels by sparse regression. */
@Command(name = "rules", description = {"Fit the per-step change of every observable channel, on states the model"
        + " visits in its own rollouts from every trajectory of a split, with a library of candidate terms"
        + " (monomials of the observables up to --degree, their nine-point Laplacians and gradients, and"
        + " observable x Laplacian products) by sequentially thresholded least squares. Prints the equations,"
        + " their R^2 and the R^2 of the whole library (what hidden channels leave unexplained). Given a recipe"
        + " (.toml) instead of a checkpoint, or with --truth, fits the per-frame change of the dataset's frames."})
final class AnalyseRulesCommand extends AnalyseSubcommand {

    @Parameters(index = "0", paramLabel = "CHECKPOINT|RECIPE",
            description = "A checkpoint (the model's rule), or a recipe .toml (its dataset's frames).")
    private Path input;

    @Mixin
    private SplitOption split = new SplitOption();

    @Option(names = "--truth", description = "Fit the checkpoint's dataset frames instead of the model.")
    private boolean truth;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "256",
            description = "Model steps to roll (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--every", paramLabel = "K", defaultValue = "8",
            description = "Fit the step from t to t + 1 for t = 0, K, 2K, ... (default: ${DEFAULT-VALUE}).")
    private int every;

    @Option(names = "--degree", paramLabel = "D", defaultValue = "3",
            description = "Highest polynomial degree of the library (default: ${DEFAULT-VALUE}).")
    private int degree;

    @Option(names = "--threshold", paramLabel = "X", defaultValue = "0.01",
            description = "Drop terms carrying less than this share of the change's norm (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Option(names = "--max-rows", paramLabel = "M", defaultValue = "60000",
            description = "Fit at most M cells, drawn at random (default: ${DEFAULT-VALUE}).")
    private int maxRows;

    @Override
    protected int run() throws Exception {
        requirePositive("--steps", steps);
        requirePositive("--every", every);
        requirePositive("--degree", degree);
        SequentialThresholding method = new SequentialThresholding(threshold, 20);
        boolean recipe = input.getFileName().toString().endsWith(".toml");
        Map<String, Object> json = new LinkedHashMap<>();
        List<SparseFit> fits;
        AnalysisFiles files;
        try (HostSession session = openHost()) {
            List<Transition> transitions;
            long seed;
            String source;
            if (recipe) {
                ExperimentPlan plan = ExperimentPlan.resolve(RecipeLoader.load(input, Map.of()), session.extensions(),
                        session.engines());
                Trajectories data = plan.generate(split.split(), OptionalInt.empty());
                transitions = dataTransitions(data);
                seed = seedOrDefault();
                files = files("rules");
                source = "data";
            } else {
                CheckpointModel model = CheckpointModel.load(input, session.extensions(), session.engines(),
                        engine.choose(session.engines()));
                Trajectories data = model.generate(split.split(), OptionalInt.empty());
                seed = seed(model);
                files = files(session, model, "rules");
                if (truth) {
                    transitions = dataTransitions(data);
                    source = "data";
                } else {
                    INDArray starts = StartStates.all(data, 0, model.config().channels(), model.dataType());
                    try (NcaEngine e = model.engine(data.size())) {
                        transitions = ModelTransitions.collect(e, model.parameters(), starts, steps, every,
                                data.channelNames(), seed, progress());
                    }
                    source = "model";
                    json.put("steps", steps);
                    json.put("every", every);
                    json.put("update_probability", model.config().updateProbability());
                }
            }
            List<String> channels = transitions.get(0).before().names();
            RuleRegression regression = new RuleRegression(TermLibrary.standard(channels, degree), method, maxRows);
            fits = regression.fit(transitions, new SplittableRandom(seed));
            json.put("input", input.toString());
            json.put("fitted", source);
            json.put("split", split.name());
            json.put("degree", degree);
            json.put("threshold", threshold);
            json.put("seed", seed);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SparseFit fit : fits) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("channel", fit.channel());
                row.put("equation", fit.equation());
                row.put("coefficients", fit.coefficients());
                row.put("r2", fit.r2());
                row.put("library_r2", fit.libraryR2());
                row.put("unexplained_by_library", 1 - fit.libraryR2());
                row.put("rows", fit.rows());
                rows.add(row);
            }
            json.put("equations", rows);
            json.put("json", files.folder().resolve("rules.json").toString());
            files.json("rules.json", json);
        }
        for (SparseFit fit : fits) {
            err().printf("%s%n    R^2 %.6f (whole library %.6f)%n", fit.equation(), fit.r2(), fit.libraryR2());
        }
        err().flush();
        out().println(new ObjectMapper().writeValueAsString(json));
        out().flush();
        return 0;
    }

    /** Every consecutive pair of frames of every trajectory, in float64. */
    private static List<Transition> dataTransitions(Trajectories data) {
        if (data.length() < 2) {
            throw new NcaException("the dataset has " + data.length() + " frame per trajectory; fitting its change"
                    + " needs at least 2");
        }
        INDArray frames = data.frames().castTo(DataType.DOUBLE);
        List<Transition> out = new ArrayList<>();
        for (int t = 0; t + 1 < data.length(); t++) {
            INDArray before = frames.get(NDArrayIndex.all(), NDArrayIndex.point(t)).dup('c');
            INDArray after = frames.get(NDArrayIndex.all(), NDArrayIndex.point(t + 1)).dup('c');
            out.addAll(Transition.of(before, after, data.channelNames(),
                    data.boundary().orElse(dev.nca.api.Boundary.PERIODIC)));
        }
        return out;
    }
}
