package dev.nca.runtime.analyse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nca.api.NcaException;
import dev.nca.render.Colormap;
import dev.nca.render.Images;
import dev.nca.support.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes an analysis's results into its output folder: JSON and pictures, each file atomically. */
public final class AnalysisFiles {

    private static final int CELL_PIXELS = 12;

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
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        Colormap map = Colormap.viridis();
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        BufferedImage image = new BufferedImage(Math.max(1, cols * CELL_PIXELS), Math.max(1, rows * CELL_PIXELS),
                BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = values[i][j];
                int rgb = !Double.isFinite(v) ? 0x808080 : map.rgb(max > min ? (v - min) / (max - min) : 0.5);
                for (int y = 0; y < CELL_PIXELS; y++) {
                    for (int x = 0; x < CELL_PIXELS; x++) {
                        image.setRGB(j * CELL_PIXELS + x, i * CELL_PIXELS + y, rgb);
                    }
                }
            }
        }
        return image;
    }
}
