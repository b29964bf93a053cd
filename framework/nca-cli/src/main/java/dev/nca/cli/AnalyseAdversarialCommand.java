package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.NcaException;
import dev.nca.api.Trajectories;
import dev.nca.core.engine.NcaEngine;
import dev.nca.render.LossPlot;
import dev.nca.runtime.analyse.AdversarialSearch;
import dev.nca.runtime.analyse.AnalysisFiles;
import dev.nca.runtime.evaluate.CheckpointModel;
import dev.nca.runtime.evaluate.StartStates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nca analyse adversarial}: worst-case perturbations of the initial condition of a norm budget. */
@Command(name = "adversarial", description = {"Perturb the observable channels of a data frame by delta with"
        + " ||delta||_2 <= kappa, chosen by projected gradient ascent through the model's back-propagation to"
        + " maximise the mean squared error against the data frame --steps later; compare with random"
        + " perturbations of the same norm. --minimise also solves the reverse problem (the perturbation that"
        + " helps most)."})
final class AnalyseAdversarialCommand extends AnalyseSubcommand {

    @Mixin
    private CheckpointParameter checkpoint;

    @Mixin
    private StartTrajectoryOptions from;

    @Option(names = "--steps", required = true, paramLabel = "N",
            description = "Steps after which the error is measured: a multiple of the frame spacing within the"
                    + " trajectory (the target is the data frame N / spacing).")
    private int steps;

    @Option(names = "--kappa", required = true, split = ",", paramLabel = "K1,K2,...",
            description = "Norm budgets (L2 norm over all observable values of the lattice), each > 0.")
    private double[] kappas;

    @Option(names = "--iterations", paramLabel = "I", defaultValue = "20",
            description = "Gradient steps per budget (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--random-draws", paramLabel = "R", defaultValue = "8",
            description = "Random perturbations per budget (default: ${DEFAULT-VALUE}).")
    private int draws;

    @Option(names = "--minimise", description = "Also search the perturbation that lowers the error most.")
    private boolean minimise;

    @Override
    protected int run() throws Exception {
        requirePositive("--steps", steps);
        requirePositive("--iterations", iterations);
        requirePositive("--random-draws", draws);
        for (double k : kappas) {
            if (!(k > 0) || !Double.isFinite(k)) {
                throw new NcaException("--kappa values must be finite numbers > 0, got " + k);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        try (HostSession session = openHost()) {
            CheckpointModel model = checkpoint.load(session, engine);
            Trajectories data = from.generate(model);
            int spacing = model.frameSpacing(data);
            int last = (data.length() - 1) * spacing;
            if (steps % spacing != 0 || steps > last) {
                throw new NcaException("--steps " + steps + " must be a multiple of the frame spacing " + spacing
                        + " and at most " + last + " (the trajectory's last frame): the error is measured"
                        + " against a data frame");
            }
            INDArray start = StartStates.one(data, from.trajectory(), 0, model.config().channels(), model.dataType());
            INDArray target = data.frames().get(NDArrayIndex.point(from.trajectory()),
                    NDArrayIndex.point(steps / spacing)).reshape(1, data.channels(), data.size(), data.size())
                    .castTo(model.dataType());
            long seed = seed(model);
            AnalysisFiles files = files(session, model, "adversarial");
            SplittableRandom random = new SplittableRandom(seed);
            List<Map<String, Object>> rows = new ArrayList<>();
            double[] adversarial = new double[kappas.length];
            double[] randomMean = new double[kappas.length];
            double[] randomMax = new double[kappas.length];
            double[] helped = new double[kappas.length];
            double unperturbed;
            INDArray worstDelta = null;
            try (NcaEngine e = model.engine(data.size())) {
                AdversarialSearch search = new AdversarialSearch(e, model.parameters(), start, target, steps, seed);
                unperturbed = search.error(search.zeroDelta());
                for (int i = 0; i < kappas.length; i++) {
                    AdversarialSearch.Result up = search.search(kappas[i], iterations, true, random, progress());
                    double[] r = search.randomErrors(kappas[i], draws, random);
                    adversarial[i] = up.error();
                    randomMean[i] = Arrays.stream(r).average().orElse(Double.NaN);
                    randomMax[i] = Arrays.stream(r).max().orElse(Double.NaN);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("kappa", kappas[i]);
                    row.put("adversarial_error", up.error());
                    row.put("random_errors", r);
                    if (minimise) {
                        helped[i] = search.search(kappas[i], iterations, false, random, progress()).error();
                        row.put("minimised_error", helped[i]);
                    }
                    rows.add(row);
                    worstDelta = up.delta();
                }
            }
            json.put("checkpoint", checkpoint.file().toString());
            json.put("from", from.splitName());
            json.put("trajectory", from.trajectory());
            json.put("steps", steps);
            json.put("target_frame", steps / spacing);
            json.put("seed", seed);
            json.put("iterations", iterations);
            json.put("unperturbed_error", unperturbed);
            json.put("budgets", rows);
            LossPlot.Builder plot = LossPlot.builder().title("error after " + steps + " steps")
                    .xLabel("kappa (L2 norm of the perturbation)").yLabel("mean squared error")
                    .series("adversarial", kappas, adversarial).series("random (mean)", kappas, randomMean)
                    .series("random (largest)", kappas, randomMax).horizontalLine("unperturbed", unperturbed);
            if (minimise) {
                plot.series("minimised", kappas, helped);
            }
            json.put("curve_png", files.png("error-vs-kappa.png", plot.build().render()).toString());
            json.put("delta_png", files.png("adversarial-delta.png",
                    AnalysisFiles.heatmap(magnitude(worstDelta))).toString());
            json.put("json", files.folder().resolve("adversarial.json").toString());
            files.json("adversarial.json", json);
        }
        out().println(new ObjectMapper().writeValueAsString(json));
        out().flush();
        return 0;
    }

    /** {@code [S][S]}: the L2 norm over channels of delta {@code [1, C_obs, S, S]} per cell. */
    private static double[][] magnitude(INDArray delta) {
        INDArray squared = delta.mul(delta).sum(0, 1);
        double[][] out = new double[(int) squared.size(0)][(int) squared.size(1)];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = Math.sqrt(squared.getDouble(i, j));
            }
        }
        return out;
    }
}
