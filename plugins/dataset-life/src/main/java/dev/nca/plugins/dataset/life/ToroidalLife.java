package dev.nca.plugins.dataset.life;

/**
 * Conway's Game of Life (rule B3/S23) on an S x S torus: a dead cell with exactly three live
 * neighbours (of its eight) is born, a live cell with two or three live neighbours survives, every
 * other cell is dead in the next generation. Row 0's upper neighbour is row S-1 and column 0's
 * left neighbour is column S-1. The state is a row-major {@code [S * S]} array of 0/1 bytes; two
 * buffers are reused for every generation. Not thread-safe: one instance per thread.
 */
final class ToroidalLife {

    private final int size;
    private final int[] previous;
    private final int[] next;
    private byte[] cells;
    private byte[] spare;

    /** A lattice of side {@code size} with every cell dead. */
    ToroidalLife(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("lattice side must be >= 1, got " + size);
        }
        this.size = size;
        cells = new byte[size * size];
        spare = new byte[size * size];
        previous = new int[size];
        next = new int[size];
        for (int i = 0; i < size; i++) {
            previous[i] = (i - 1 + size) % size;
            next[i] = (i + 1) % size;
        }
    }

    int size() {
        return size;
    }

    /** Sets the state to a copy of {@code state}: {@code [S * S]} row-major, 0 dead, 1 alive. */
    void reset(byte[] state) {
        if (state.length != cells.length) {
            throw new IllegalArgumentException("state must have " + cells.length + " cells, got " + state.length);
        }
        for (int i = 0; i < state.length; i++) {
            if (state[i] != 0 && state[i] != 1) {
                throw new IllegalArgumentException("cell " + i + " is " + state[i] + "; cells must be 0 or 1");
            }
        }
        System.arraycopy(state, 0, cells, 0, cells.length);
    }

    /** Whether the cell at {@code row}, {@code col} (each in 0..S-1) is alive. */
    boolean alive(int row, int col) {
        return cells[row * size + col] == 1;
    }

    /** Number of live cells. */
    int population() {
        int n = 0;
        for (byte b : cells) {
            n += b;
        }
        return n;
    }

    /** A copy of the state, {@code [S * S]} row-major 0/1. */
    byte[] state() {
        return cells.clone();
    }

    /** Writes the state as 0/1 floats into {@code dest[offset .. offset + S*S)}. */
    void copyTo(float[] dest, int offset) {
        for (int i = 0; i < cells.length; i++) {
            dest[offset + i] = cells[i];
        }
    }

    /** Advances the state by {@code generations} generations. */
    void advance(int generations) {
        for (int g = 0; g < generations; g++) {
            step();
        }
    }

    private void step() {
        for (int i = 0; i < size; i++) {
            int up = previous[i] * size;
            int row = i * size;
            int down = next[i] * size;
            for (int j = 0; j < size; j++) {
                int left = previous[j];
                int right = next[j];
                int neighbours = cells[up + left] + cells[up + j] + cells[up + right]
                        + cells[row + left] + cells[row + right]
                        + cells[down + left] + cells[down + j] + cells[down + right];
                boolean born = neighbours == 3;
                boolean survives = cells[row + j] == 1 && neighbours == 2;
                spare[row + j] = (byte) (born || survives ? 1 : 0);
            }
        }
        byte[] t = cells;
        cells = spare;
        spare = t;
    }
}
