package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.core.engine.NcaEngine;
import dev.nca.api.NcaException;
import dev.nca.api.RandomSource;
import dev.nca.api.Trajectories;
import dev.nca.runtime.analysis.CellClusterMaps;
import dev.nca.runtime.analysis.CellClusters;
import dev.nca.runtime.analysis.ClusterCount;
import dev.nca.runtime.analysis.ClusterReport;
import dev.nca.runtime.analysis.KMeans;
import dev.nca.runtime.evaluate.CheckpointModel;
import dev.nca.runtime.evaluate.Simulator;
import dev.nca.runtime.evaluate.StartStates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nca clusters CHECKPOINT --steps N}: rolls a trained NCA forward from a data frame and clusters
 * the full cell states (observable and hidden channels) of the recorded states with one k-means, the
 * number of clusters chosen by the elbow method unless fixed; writes cluster maps over time and
 * {@code clusters.json}, prints a JSON summary.
 */
@Command(name = "clusters",
        header = "Cluster the cell states of a rollout: how hidden channels differ",
        description = {"Roll a trained NCA forward from the first frame of a trajectory of"
        + " its dataset, cluster the full states of its cells (observable and hidden channels) at every recorded"
        + " step with one k-means (k by the elbow method over --k-range, or --k), and write a cluster map per"
        + " step beside the observable channels, an animated GIF, an overview, the elbow plot and clusters.json."})
final class ClustersCommand extends NcaSubcommand {

    @Mixin
    private EngineOption engine = new EngineOption();

    private static final Logger LOG = LoggerFactory.getLogger(ClustersCommand.class);
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,6})\\s*\\.\\.\\s*(\\d{1,6})\\s*");

    @Mixin
    private CheckpointParameter checkpoint;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "NCA steps to run (>= 1).")
    private int steps;

    @Option(names = "--every", paramLabel = "K",
            description = "Analyse the state every K steps (default: the recipe's frame spacing); step 0 and the"
                    + " last step are always analysed.")
    private Integer every;

    @Option(names = "--k", paramLabel = "K", description = "Use exactly K clusters instead of the elbow method.")
    private Integer k;

    @Option(names = "--k-range", paramLabel = "LOW..HIGH", defaultValue = "2..15",
            description = "Try k = LOW..HIGH and take the elbow of the inertia curve (default: ${DEFAULT-VALUE}).")
    private String kRange;

    @Option(names = "--alive-threshold", paramLabel = "X",
            description = "Cluster only living cells, those whose last observable channel (alpha) is above X;"
                    + " the others are drawn white (default: every cell is clustered; 0.1 suits RGBA"
                    + " morphogenesis data).")
    private Double aliveThreshold;

    @Mixin
    private StartTrajectoryOptions from;

    @Option(names = "--max-cells", paramLabel = "M", defaultValue = "" + CellClusters.DEFAULT_MAX_FIT_CELLS,
            description = "Fit k-means on at most M cells drawn at random from all analysed steps; every cell is"
                    + " then labelled by its nearest centre (default: ${DEFAULT-VALUE}).")
    private int maxCells;

    @Option(names = "--restarts", paramLabel = "R", defaultValue = "1",
            description = "k-means++ seedings per k; the lowest inertia wins (default: ${DEFAULT-VALUE}).")
    private int restarts;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the results (default: <run folder>/clusters-<timestamp>/).")
    private Path out;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the update masks (as in 'nca simulate') and of k-means (default: derived from"
                    + " the recipe seed, the same rollout as 'nca simulate').")
    private Long seed;

    @Override
    protected int run() throws Exception {
        ClusterCount count = clusterCount();
        validate();
        Map<String, Object> json;
        try (HostSession session = openHost()) {
            CheckpointModel model = checkpoint.load(session, engine);
            Trajectories data = from.generate(model);
            int spacing = every != null ? every : model.frameSpacing(data);
            long maskSeed = seed != null ? seed : model.seed("simulate");
            hintAtAlpha(data);
            Path folder = session.outputFolder(out, model.runDirectory(), "clusters");
            int[] recorded = Simulator.recordedSteps(steps, spacing);
            List<INDArray> states = rollout(model, data, spacing, maskSeed, recorded.length);
            OptionalDouble threshold = aliveThreshold == null ? OptionalDouble.empty()
                    : OptionalDouble.of(aliveThreshold);
            CellClusters clusters = new CellClusters(count, new KMeans(KMeans.DEFAULT_MAX_ITERATIONS, restarts),
                    model.config().observable(), threshold, maxCells);
            CellClusterMaps maps = clusters.fit(states, recorded, new RandomSource(maskSeed).stream("k-means"));
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("checkpoint", checkpoint.file().toString());
            context.put("dataset", model.plan().dataset().entry().name());
            context.put("from", from.splitName());
            context.put("trajectory", from.trajectory());
            context.put("steps", steps);
            context.put("every", spacing);
            context.put("seed", maskSeed);
            ClusterReport.Output files = ClusterReport.forData(maps, data).write(folder, states, context);
            LOG.info("{} clusters; results in {}", maps.k(), folder);
            json = summary(context, maps, count, folder, files);
        }
        out().println(new ObjectMapper().writeValueAsString(json));
        out().flush();
        return 0;
    }

    /** The recorded states of the rollout, each {@code [1, C, S, S]}. */
    private List<INDArray> rollout(CheckpointModel model, Trajectories data, int spacing, long maskSeed,
                                   int count) {
        LOG.info("simulating {} steps from frame 0 of {} trajectory {}, analysing {} states", steps,
                from.splitName(), from.trajectory(), count);
        List<INDArray> states = new ArrayList<>(count);
        INDArray start = StartStates.one(data, from.trajectory(), 0, model.config().channels(), model.dataType());
        try (NcaEngine engine = model.engine(data.size())) {
            new Simulator(engine, model.parameters()).run(start, steps, spacing, maskSeed,
                    (step, state) -> states.add(state.reshape('c', 1, state.size(0), state.size(1), state.size(2))));
        }
        return states;
    }

    /** The JSON printed on standard output: the context, the choice of k and the files. */
    private Map<String, Object> summary(Map<String, Object> context, CellClusterMaps maps, ClusterCount count,
                                        Path folder, ClusterReport.Output files) {
        Map<String, Object> json = new LinkedHashMap<>(context);
        json.put("analysed_steps", maps.steps());
        json.put("k_selection", count.isFixed() ? "fixed" : "elbow");
        json.put("k_range", count.isFixed() ? null : new int[] {count.kMin(), count.kMax()});
        json.put("chosen_k", maps.chosenK());
        json.put("k", maps.k());
        json.put("inertia", maps.inertia());
        json.put("alive_threshold", aliveThreshold);
        json.put("out", folder.toString());
        json.put("json", files.json().toString());
        json.put("frames", files.frames().toString());
        json.put("frame_count", files.frameCount());
        json.put("animation", files.animation().toString());
        json.put("overview", files.overview().toString());
        json.put("elbow_plot", files.elbowPlot().map(Path::toString).orElse(null));
        return json;
    }

    /** The fixed k of {@code --k}, else the range of {@code --k-range}. */
    private ClusterCount clusterCount() {
        boolean rangeGiven = spec().commandLine().getParseResult().hasMatchedOption("--k-range");
        if (k != null) {
            if (rangeGiven) {
                throw new NcaException("--k and --k-range exclude each other: give a fixed number of clusters or a"
                        + " range to choose it from by the elbow method, not both");
            }
            if (k < 1) {
                throw new NcaException("--k must be at least 1, got " + k);
            }
            return ClusterCount.fixed(k);
        }
        Matcher m = RANGE.matcher(kRange);
        if (!m.matches()) {
            throw new NcaException("--k-range '" + kRange + "' is not a range: write LOW..HIGH with whole numbers,"
                    + " e.g. 2..15");
        }
        int low = Integer.parseInt(m.group(1));
        int high = Integer.parseInt(m.group(2));
        if (low < 1 || high < low + 2) {
            throw new NcaException("--k-range " + low + ".." + high + " is not allowed: the elbow method needs at"
                    + " least three values of k, so LOW must be at least 1 and HIGH at least LOW + 2, e.g. 2..15");
        }
        return ClusterCount.elbow(low, high);
    }

    private void validate() {
        if (steps < 1) {
            throw new NcaException("--steps must be at least 1, got " + steps);
        }
        if (every != null && every < 1) {
            throw new NcaException("--every must be at least 1, got " + every);
        }
        if (aliveThreshold != null && !Double.isFinite(aliveThreshold)) {
            throw new NcaException("--alive-threshold must be a finite number, got " + aliveThreshold);
        }
        if (maxCells < 1) {
            throw new NcaException("--max-cells must be at least 1, got " + maxCells);
        }
        if (restarts < 1) {
            throw new NcaException("--restarts must be at least 1, got " + restarts);
        }
    }

    /** Suggests --alive-threshold when the data look like RGBA and every cell is being clustered. */
    private void hintAtAlpha(Trajectories data) {
        String last = data.channelNames().get(data.channels() - 1);
        if (aliveThreshold == null && (last.equalsIgnoreCase("a") || last.equalsIgnoreCase("alpha"))) {
            LOG.info("the last observable channel is '{}': to cluster only living cells (alpha above a threshold)"
                    + " as in the morphogenesis analysis, add --alive-threshold 0.1", last);
        }
    }
}
