package dev.nca.runtime.analyse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nca.api.NcaException;
import dev.nca.render.Colormap;
import dev.nca.render.Images;
import dev.nca.support.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** Writes an analysis's results into its output folder: JSON and pictures, each file atomically. */
public final class AnalysisFiles {

    private static final int CELL_PIXELS = 12;
    private static final int GAP_PIXELS = 16;
    private static final int TITLE_PIXELS = 18;
    private static final int TITLE_MIN_WIDTH = 110;

    private final Path folder;

    /** @param folder the output folder (created on first write) */
    public AnalysisFiles(Path folder) {
        this.folder = folder;
    }

    /** The output folder. */
    public Path folder() {
        return folder;
    }

    /** Writes {@code content} as indented JSON to {@code name}; returns the file. */
    public Path json(String name, Map<String, Object> content) {
        Path file = folder.resolve(name);
        try {
            String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false).writeValueAsString(content);
            AtomicFiles.writeString(file, text + "\n");
        } catch (IOException e) {
            throw new NcaException("could not write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** Writes {@code image} as PNG to {@code name}; returns the file. */
    public Path png(String name, BufferedImage image) {
        Path file = folder.resolve(name);
        Images.writePng(image, file);
        return file;
    }

    /**
     * A heat map of {@code values[row][col]} (viridis, 0 = the smallest value, bright = the largest),
     * each value drawn as a square of {@link #CELL_PIXELS} pixels; non-finite values are grey.
     */
    public static BufferedImage heatmap(double[][] values) {
        return heatmaps(new String[] {null}, new double[][][] {values});
    }

    /**
     * Heat maps side by side on one colour scale (the smallest and largest finite value over all of
     * them), each under its title, for comparing e.g. a model with the true system.
     *
     * @param titles one per map (null: no title row)
     * @param maps   {@code [maps][rows][cols]}
     */
    public static BufferedImage heatmaps(String[] titles, double[][][] maps) {
        if (titles.length != maps.length || maps.length == 0) {
            throw new IllegalArgumentException("need one title per map and at least one map");
        }
        boolean titled = Arrays.stream(titles).anyMatch(t -> t != null);
        int minWidth = titled ? TITLE_MIN_WIDTH : 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int width = 0;
        int height = 0;
        for (double[][] values : maps) {
            for (double[] row : values) {
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            width += Math.max(minWidth, (values.length == 0 ? 0 : values[0].length) * CELL_PIXELS);
            height = Math.max(height, values.length * CELL_PIXELS);
        }
        int top = titled ? TITLE_PIXELS : 0;
        BufferedImage image = new BufferedImage(Math.max(1, width + GAP_PIXELS * (maps.length - 1)),
                Math.max(1, height + top), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        Colormap map = Colormap.viridis();
        int left = 0;
        for (int m = 0; m < maps.length; m++) {
            double[][] values = maps[m];
            int cols = values.length == 0 ? 0 : values[0].length;
            for (int i = 0; i < values.length; i++) {
                for (int j = 0; j < cols; j++) {
                    double v = values[i][j];
                    int rgb = !Double.isFinite(v) ? 0x808080 : map.rgb(max > min ? (v - min) / (max - min) : 0.5);
                    g.setColor(new Color(rgb));
                    g.fillRect(left + j * CELL_PIXELS, top + i * CELL_PIXELS, CELL_PIXELS, CELL_PIXELS);
                }
            }
            if (titles[m] != null) {
                g.setColor(Color.BLACK);
                g.drawString(titles[m], left + 2, top - 5);
            }
            left += Math.max(minWidth, cols * CELL_PIXELS) + GAP_PIXELS;
        }
        g.dispose();
        return image;
    }
}
