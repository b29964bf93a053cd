package dev.nca.runtime.analysis;

import dev.nca.render.FrameRenderer;
import dev.nca.render.Montage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The pictures of a {@link CellClusterMaps}: cluster maps in {@link ClusterPalette} colours (dead cells
 * white) beside the observable channels, with a legend of the cluster colours. Every lattice cell is a
 * {@code scale x scale} block. Pictures of different steps of one result have the same size, so they
 * can be frames of one animation. Immutable; the renderer must be thread-safe for this to be.
 */
final class ClusterPictures {

    private static final int SWATCH = 14;
    private static final int SWATCH_BORDER = 0x909090;

    private final CellClusterMaps maps;
    private final FrameRenderer observable;
    private final int scale;

    /**
     * @param maps       the clustering
     * @param observable draws the observable channels of a state {@code [C, S, S]} at {@code scale}
     * @param scale      pixels per lattice cell of the cluster maps, >= 1 (the renderer's scale)
     */
    ClusterPictures(CellClusterMaps maps, FrameRenderer observable, int scale) {
        this.maps = Objects.requireNonNull(maps, "maps");
        this.observable = Objects.requireNonNull(observable, "observable");
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1, got " + scale);
        }
        this.scale = scale;
    }

    /**
     * One step: a row per state {@code b} with its observable channels and its cluster map, titled with
     * the step, and the legend below.
     *
     * @param stepIndex the index into {@link CellClusterMaps#steps()}
     * @param state     the state at that step, {@code [B, C, S, S]}; not modified
     */
    BufferedImage step(int stepIndex, INDArray state) {
        Montage.Builder grid = Montage.builder().title("step " + maps.steps()[stepIndex])
                .columnLabels(List.of("observable", "clusters"));
        for (int b = 0; b < maps.batch(); b++) {
            grid.row(maps.batch() == 1 ? "" : "#" + b,
                    List.of(observable.render(state.slice(b)), clusterMap(stepIndex, b)));
        }
        return below(grid.build().render(), legend());
    }

    /**
     * Up to {@code columns} evenly spaced steps (first and last included) side by side: for each state
     * {@code b} a row of observable pictures and a row of cluster maps; the legend below.
     *
     * @param states the states, one {@code [B, C, S, S]} per step of the result
     */
    BufferedImage overview(List<INDArray> states, int columns) {
        List<Integer> chosen = evenlySpaced(states.size(), columns);
        List<String> labels = new ArrayList<>();
        chosen.forEach(i -> labels.add("step " + maps.steps()[i]));
        Montage.Builder grid = Montage.builder().columnLabels(labels)
                .title(maps.k() + " clusters of cell states (" + maps.channels() + " channels)");
        for (int b = 0; b < maps.batch(); b++) {
            String suffix = maps.batch() == 1 ? "" : " #" + b;
            List<BufferedImage> pictures = new ArrayList<>();
            List<BufferedImage> clusters = new ArrayList<>();
            for (int i : chosen) {
                pictures.add(observable.render(states.get(i).slice(b)));
                clusters.add(clusterMap(i, b));
            }
            grid.row("observable" + suffix, pictures).row("clusters" + suffix, clusters);
        }
        return below(grid.build().render(), legend());
    }

    /** The label map of state {@code b} at one step in palette colours, {@code S * scale} square. */
    BufferedImage clusterMap(int stepIndex, int b) {
        int s = maps.size();
        int[] labels = maps.labelMap(stepIndex, b);
        BufferedImage image = new BufferedImage(s * scale, s * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < s * scale; y++) {
            for (int x = 0; x < s * scale; x++) {
                image.setRGB(x, y, ClusterPalette.color(labels[(y / scale) * s + x / scale]));
            }
        }
        return image;
    }

    /** A swatch per cluster labelled with its number, and a "dead" swatch when cells were masked. */
    BufferedImage legend() {
        List<String> labels = new ArrayList<>();
        List<BufferedImage> swatches = new ArrayList<>();
        for (int j = 0; j < maps.k(); j++) {
            labels.add(Integer.toString(j));
            swatches.add(swatch(ClusterPalette.color(j)));
        }
        if (maps.aliveThreshold().isPresent()) {
            labels.add("dead");
            swatches.add(swatch(ClusterPalette.DEAD_COLOR));
        }
        return Montage.builder().columnLabels(labels).row("", swatches).padding(4).textSize(11f).build().render();
    }

    private static BufferedImage swatch(int rgb) {
        BufferedImage image = new BufferedImage(SWATCH, SWATCH, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SWATCH; y++) {
            for (int x = 0; x < SWATCH; x++) {
                boolean border = x == 0 || y == 0 || x == SWATCH - 1 || y == SWATCH - 1;
                image.setRGB(x, y, border ? SWATCH_BORDER : rgb);
            }
        }
        return image;
    }

    /** {@code top} above {@code bottom}, both centred, on white. */
    static BufferedImage below(BufferedImage top, BufferedImage bottom) {
        int width = Math.max(top.getWidth(), bottom.getWidth());
        BufferedImage out = new BufferedImage(width, top.getHeight() + bottom.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(top, (width - top.getWidth()) / 2, 0, null);
            g.drawImage(bottom, (width - bottom.getWidth()) / 2, top.getHeight(), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Up to {@code max} indices into {@code 0..count-1}, evenly spaced, first and last included, no repeats. */
    static List<Integer> evenlySpaced(int count, int max) {
        List<Integer> out = new ArrayList<>();
        int n = Math.min(max, count);
        for (int i = 0; i < n; i++) {
            int index = (int) Math.round(i * (count - 1) / (double) Math.max(1, n - 1));
            if (out.isEmpty() || out.get(out.size() - 1) != index) {
                out.add(index);
            }
        }
        return out;
    }
}
