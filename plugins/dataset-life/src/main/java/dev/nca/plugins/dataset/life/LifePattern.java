package dev.nca.plugins.dataset.life;

import java.util.Objects;

/**
 * An immutable finite Game of Life pattern: a {@code height x width} rectangle of cells, each dead
 * or alive, stored row-major. Row 0 is the top row, column 0 the leftmost, as in RLE files.
 */
final class LifePattern {

    private final String name;
    private final int width;
    private final int height;
    private final boolean[] cells;

    /**
     * @param name   shown in messages, e.g. {@code "glider"} or a file path
     * @param width  number of columns, at least 1
     * @param height number of rows, at least 1
     * @param cells  {@code [height * width]} row-major liveness (copied)
     */
    LifePattern(String name, int width, int height, boolean[] cells) {
        this.name = Objects.requireNonNull(name, "name");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("pattern must be at least 1 x 1, got " + height + " x " + width);
        }
        if (cells.length != width * height) {
            throw new IllegalArgumentException("need " + width * height + " cells, got " + cells.length);
        }
        this.width = width;
        this.height = height;
        this.cells = cells.clone();
    }

    String name() {
        return name;
    }

    /** The same cells under another name. */
    LifePattern named(String newName) {
        return new LifePattern(newName, width, height, cells);
    }

    /** Number of columns (RLE {@code x}). */
    int width() {
        return width;
    }

    /** Number of rows (RLE {@code y}). */
    int height() {
        return height;
    }

    /** Whether the cell at {@code row}, {@code col} (inside the rectangle) is alive. */
    boolean alive(int row, int col) {
        return cells[row * width + col];
    }

    /** Number of live cells. */
    int population() {
        int n = 0;
        for (boolean c : cells) {
            if (c) {
                n++;
            }
        }
        return n;
    }

    /**
     * One of the eight symmetries of the square applied to this pattern (Life's rule is invariant
     * under all of them). Bits of {@code symmetry} (0..7): bit 0 mirrors left-right, bit 1 mirrors
     * top-bottom, bit 2 then transposes (swaps rows and columns). 0 is the identity.
     */
    LifePattern oriented(int symmetry) {
        if (symmetry < 0 || symmetry > 7) {
            throw new IllegalArgumentException("symmetry must be in 0..7, got " + symmetry);
        }
        boolean mirrorColumns = (symmetry & 1) != 0;
        boolean mirrorRows = (symmetry & 2) != 0;
        boolean transpose = (symmetry & 4) != 0;
        int outWidth = transpose ? height : width;
        int outHeight = transpose ? width : height;
        boolean[] out = new boolean[cells.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int rr = mirrorRows ? height - 1 - r : r;
                int cc = mirrorColumns ? width - 1 - c : c;
                int index = transpose ? cc * outWidth + rr : rr * outWidth + cc;
                out[index] = cells[r * width + c];
            }
        }
        return new LifePattern(name, outWidth, outHeight, out);
    }
}
