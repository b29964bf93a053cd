package dev.nca.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Labelled grids of frames: a strip of snapshots over time, or rows of model and truth frames
 * side by side for comparison.
 *
 * <p>Layout: an optional title on top, then one label per column (e.g. the step) above the first
 * row, then the rows, each with its label on the left. Column widths and row heights are the
 * largest image in that column / row; smaller images are centred; a row with fewer images than
 * others leaves its last cells blank. Output is {@code TYPE_INT_RGB} on a white background.
 */
public final class Montage {

    private static final Color TEXT = new Color(0x20, 0x20, 0x20);

    private final String title;
    private final List<String> columnLabels;
    private final List<String> rowLabels;
    private final List<List<BufferedImage>> rows;
    private final int padding;
    private final float textSize;

    private Montage(Builder b) {
        this.title = b.title;
        this.columnLabels = List.copyOf(b.columnLabels);
        this.rowLabels = List.copyOf(b.rowLabels);
        this.rows = List.copyOf(b.rows);
        this.padding = b.padding;
        this.textSize = b.textSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One row of frames with a label above each, e.g. snapshots over time.
     *
     * @param frames at least one frame
     * @param labels one label per frame, or an empty list for none
     */
    public static BufferedImage strip(List<BufferedImage> frames, List<String> labels) {
        return builder().columnLabels(labels).row("", frames).build().render();
    }

    /**
     * Two rows, {@code "NCA"} (the model's frames) above {@code "truth"} (the data), with one label
     * per column, as used by snapshots and {@code nca evaluate}.
     *
     * @param model  the model's frames
     * @param truth  the reference frames, as many as {@code model}
     * @param labels one label per column (e.g. {@link #stepLabels}), or empty
     */
    public static BufferedImage comparison(List<BufferedImage> model, List<BufferedImage> truth, List<String> labels) {
        if (model.size() != truth.size()) {
            throw new IllegalArgumentException("comparison needs as many model frames as truth frames, got "
                    + model.size() + " and " + truth.size());
        }
        return builder().columnLabels(labels).row("NCA", model).row("truth", truth).build().render();
    }

    /** Labels {@code "step n"} for the given step numbers. */
    public static List<String> stepLabels(long... steps) {
        List<String> out = new ArrayList<>(steps.length);
        for (long s : steps) {
            out.add("step " + s);
        }
        return out;
    }

    /** Draws the grid. */
    public BufferedImage render() {
        int cols = 0;
        for (List<BufferedImage> row : rows) {
            cols = Math.max(cols, row.size());
        }
        cols = Math.max(cols, columnLabels.size());
        int[] colW = new int[cols];
        int[] rowH = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            List<BufferedImage> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                colW[c] = Math.max(colW[c], row.get(c).getWidth());
                rowH[r] = Math.max(rowH[r], row.get(c).getHeight());
            }
        }
        TextPainter text = new TextPainter(textSize);
        Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        int lineH;
        int ascent;
        int rowLabelW = 0;
        try {
            lineH = text.lineHeight(probe);
            ascent = text.ascent(probe);
            for (String label : rowLabels) {
                rowLabelW = Math.max(rowLabelW, label.isEmpty() ? 0 : text.width(probe, label) + padding);
            }
            for (int c = 0; c < columnLabels.size(); c++) {
                colW[c] = Math.max(colW[c], text.width(probe, columnLabels.get(c)));
            }
        } finally {
            probe.dispose();
        }
        int titleH = title.isEmpty() ? 0 : lineH + padding;
        int colLabelH = columnLabels.stream().allMatch(String::isEmpty) ? 0 : lineH + padding / 2;
        int width = 2 * padding + rowLabelW + sum(colW) + (cols - 1) * padding;
        int height = 2 * padding + titleH + colLabelH + sum(rowH) + (rows.size() - 1) * padding;

        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            if (titleH > 0) {
                text.drawCentred(g, title, width / 2, padding + ascent, TEXT);
            }
            int x0 = padding + rowLabelW;
            int y0 = padding + titleH;
            int x = x0;
            for (int c = 0; c < columnLabels.size(); c++) {
                text.drawCentred(g, columnLabels.get(c), x + colW[c] / 2, y0 + ascent, TEXT);
                x += colW[c] + padding;
            }
            int y = y0 + colLabelH;
            for (int r = 0; r < rows.size(); r++) {
                if (!rowLabels.get(r).isEmpty()) {
                    text.draw(g, rowLabels.get(r), padding, y + rowH[r] / 2 + ascent / 2 - 1, TEXT);
                }
                x = x0;
                List<BufferedImage> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    BufferedImage img = row.get(c);
                    g.drawImage(img, x + (colW[c] - img.getWidth()) / 2, y + (rowH[r] - img.getHeight()) / 2, null);
                    x += colW[c] + padding;
                }
                y += rowH[r] + padding;
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static int sum(int[] xs) {
        int s = 0;
        for (int v : xs) {
            s += v;
        }
        return s;
    }

    /** Configures a {@link Montage}. */
    public static final class Builder {
        private String title = "";
        private List<String> columnLabels = List.of();
        private final List<String> rowLabels = new ArrayList<>();
        private final List<List<BufferedImage>> rows = new ArrayList<>();
        private int padding = 6;
        private float textSize = 13f;

        private Builder() {
        }

        /** A title centred above the grid; empty for none. */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /** Labels above the columns (fewer labels than columns leaves the rest unlabelled). */
        public Builder columnLabels(List<String> labels) {
            this.columnLabels = List.copyOf(labels);
            return this;
        }

        /** Appends a row of images with a label on its left (empty label for none). */
        public Builder row(String label, List<BufferedImage> images) {
            Objects.requireNonNull(label, "label");
            if (images.isEmpty()) {
                throw new IllegalArgumentException("row '" + label + "' has no images");
            }
            images.forEach(i -> Objects.requireNonNull(i, "image in row '" + label + "'"));
            rowLabels.add(label);
            rows.add(List.copyOf(images));
            return this;
        }

        /** Space between cells and around the grid, in pixels (default 6). */
        public Builder padding(int padding) {
            if (padding < 0) {
                throw new IllegalArgumentException("padding must be >= 0, got " + padding);
            }
            this.padding = padding;
            return this;
        }

        /** Label text size in pixels (default 13). */
        public Builder textSize(float size) {
            if (!(size >= 6 && size <= 200)) {
                throw new IllegalArgumentException("text size must be in 6..200 pixels, got " + size);
            }
            this.textSize = size;
            return this;
        }

        public Montage build() {
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("a montage needs at least one row of images");
            }
            int cols = rows.stream().mapToInt(List::size).max().orElse(0);
            if (columnLabels.size() > cols) {
                throw new IllegalArgumentException("got " + columnLabels.size() + " column labels for " + cols
                        + " columns");
            }
            return new Montage(this);
        }
    }
}
