package dev.nca.runtime.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nca.api.NcaException;
import dev.nca.api.Trajectories;
import dev.nca.support.io.AtomicFiles;
import dev.nca.render.FrameRenderer;
import dev.nca.render.GifWriter;
import dev.nca.render.Images;
import dev.nca.render.LossPlot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes a {@link CellClusterMaps} into a folder:
 * <ul>
 *   <li>{@code frames/step-NNNNNN.png}: per analysed step, the observable channels and the cluster map
 *       (categorical colours of {@link ClusterPalette}, dead cells white) side by side, with a legend;</li>
 *   <li>{@code clusters.gif}: those pictures over time;</li>
 *   <li>{@code overview.png}: up to {@value #OVERVIEW_COLUMNS} evenly spaced steps, observable row over
 *       cluster row;</li>
 *   <li>{@code elbow.png}: inertia against k, when k was chosen by the elbow method;</li>
 *   <li>{@value #JSON_FILE}: the context entries given, then {@code analysed_steps}, {@code states_per_step},
 *       {@code size}, {@code channels}, {@code observable}, {@code alive_channel} and
 *       {@code alive_threshold} (null when every cell was clustered), {@code k_selection}
 *       ({@code "fixed"} or {@code "elbow"}), {@code k_tried}, {@code inertia_per_k} (over the fitted
 *       cells), {@code chosen_k}, {@code k} (clusters found; fewer than chosen only when the cells had
 *       fewer distinct states), {@code inertia} (over all living cells), {@code fitted_cells},
 *       {@code living_cells}, {@code centroids} ([k][C], observable channels first),
 *       {@code cluster_sizes} ([steps][k] cells per cluster), {@code dead_cells} ([steps]) and
 *       {@code colors} (the palette colour of each cluster, {@code #rrggbb}).</li>
 * </ul>
 */
public final class ClusterReport {

    /** The name of the JSON file. */
    public static final String JSON_FILE = "clusters.json";
    /** The most steps the overview shows. */
    public static final int OVERVIEW_COLUMNS = 8;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int TARGET_PIXELS = 128;
    private static final int GIF_DELAY_MILLIS = 150;

    /**
     * What {@link #write} produced.
     *
     * @param json       {@value #JSON_FILE}
     * @param frames     the folder of per-step pictures
     * @param frameCount the number of per-step pictures
     * @param animation  {@code clusters.gif}
     * @param overview   {@code overview.png}
     * @param elbowPlot  {@code elbow.png}, present when k was chosen by the elbow method
     */
    public record Output(Path json, Path frames, int frameCount, Path animation, Path overview,
                         Optional<Path> elbowPlot) {
    }

    private final CellClusterMaps maps;
    private final ClusterPictures pictures;

    /**
     * @param maps       the clustering to report
     * @param observable draws the observable channels of one state {@code [C, S, S]}, {@code scale} pixels
     *                   per cell and without hidden channels
     * @param scale      pixels per lattice cell
     */
    public ClusterReport(CellClusterMaps maps, FrameRenderer observable, int scale) {
        this.maps = Objects.requireNonNull(maps, "maps");
        this.pictures = new ClusterPictures(maps, observable, scale);
    }

    /**
     * A report drawing the observable channels as pictures of the model's data are drawn elsewhere: the
     * data's value range, about 128 pixels per lattice side.
     *
     * @param maps the clustering
     * @param data the model's data, for the observable channel count, value range and lattice size
     */
    public static ClusterReport forData(CellClusterMaps maps, Trajectories data) {
        int scale = Math.max(1, TARGET_PIXELS / data.size());
        FrameRenderer renderer = FrameRenderer.builder().observableChannels(data.channels())
                .range(data.valueMin(), data.valueMax()).scale(scale).showHidden(false).build();
        return new ClusterReport(maps, renderer, scale);
    }

    /**
     * Writes the files described in the class documentation.
     *
     * @param folder  the output folder (created if missing; files in it are replaced)
     * @param states  the states the clustering was fitted on, one {@code [B, C, S, S]} per step; not modified
     * @param context entries to put first in the JSON, e.g. the checkpoint and seed
     * @return the files written
     * @throws NcaException when a file cannot be written
     */
    public Output write(Path folder, List<INDArray> states, Map<String, Object> context) {
        int[] steps = maps.steps();
        if (states.size() != steps.length) {
            throw new IllegalArgumentException("need one state per analysed step: " + states.size() + " states for "
                    + steps.length + " steps");
        }
        Path frames = folder.resolve("frames");
        Path animation = folder.resolve("clusters.gif");
        try (GifWriter.Sequence gif = GifWriter.builder().delayMillis(GIF_DELAY_MILLIS).loop(true).build()
                .open(animation)) {
            for (int i = 0; i < steps.length; i++) {
                BufferedImage picture = pictures.step(i, states.get(i));
                Images.writePng(picture, frames.resolve(String.format("step-%06d.png", steps[i])));
                gif.append(picture);
            }
            gif.finish();
        }
        Path overview = folder.resolve("overview.png");
        Images.writePng(pictures.overview(states, OVERVIEW_COLUMNS), overview);
        Optional<Path> elbow = Optional.empty();
        if (!maps.count().isFixed()) {
            elbow = Optional.of(folder.resolve("elbow.png"));
            Images.writePng(elbowPlot(), elbow.get());
        }
        Path json = folder.resolve(JSON_FILE);
        Map<String, Object> content = new LinkedHashMap<>(context);
        content.putAll(summary());
        try {
            AtomicFiles.writeString(json, JSON.writeValueAsString(content) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cluster results cannot be written as JSON", e);
        } catch (IOException e) {
            throw new NcaException("cannot write " + json + ": " + e.getMessage(), e);
        }
        return new Output(json, frames, steps.length, animation, overview, elbow);
    }

    /** The JSON fields of the clustering (see the class documentation), without context. */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("analysed_steps", maps.steps());
        out.put("states_per_step", maps.batch());
        out.put("size", maps.size());
        out.put("channels", maps.channels());
        out.put("observable", maps.observable());
        boolean masked = maps.aliveThreshold().isPresent();
        out.put("alive_channel", masked ? maps.observable() - 1 : null);
        out.put("alive_threshold", masked ? maps.aliveThreshold().getAsDouble() : null);
        out.put("k_selection", maps.count().isFixed() ? "fixed" : "elbow");
        out.put("k_tried", maps.ksTried());
        out.put("inertia_per_k", maps.inertiaPerK());
        out.put("chosen_k", maps.chosenK());
        out.put("k", maps.k());
        out.put("inertia", maps.inertia());
        out.put("fitted_cells", maps.fittedCells());
        out.put("living_cells", maps.livingCells());
        out.put("centroids", maps.centroids());
        List<long[]> sizes = new ArrayList<>();
        long[] dead = new long[maps.steps().length];
        for (int i = 0; i < dead.length; i++) {
            sizes.add(maps.sizes(i));
            dead[i] = maps.deadCells(i);
        }
        out.put("cluster_sizes", sizes);
        out.put("dead_cells", dead);
        List<String> colors = new ArrayList<>();
        for (int j = 0; j < maps.k(); j++) {
            colors.add(ClusterPalette.hex(j));
        }
        out.put("colors", colors);
        return out;
    }

    private BufferedImage elbowPlot() {
        double[] ks = Arrays.stream(maps.ksTried()).asDoubleStream().toArray();
        return LossPlot.builder().title("elbow method: k = " + maps.chosenK() + " chosen").xLabel("k (clusters)")
                .yLabel("inertia").yScale(LossPlot.YScale.LINEAR).series("inertia", ks, maps.inertiaPerK()).build()
                .render();
    }
}
