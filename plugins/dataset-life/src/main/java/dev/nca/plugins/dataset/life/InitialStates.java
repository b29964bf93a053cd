package dev.nca.plugins.dataset.life;

import dev.nca.api.NcaException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds initial Life states on an S x S torus, as row-major {@code [S * S]} 0/1 bytes: a random
 * soup, or patterns placed at given or random positions. Placement wraps around the edges.
 */
final class InitialStates {

    /**
     * Dead cells kept between the bounding boxes of randomly placed patterns, so that they start
     * apart (they may still meet later, e.g. when a gun's gliders arrive).
     */
    static final int CLEARANCE = 2;
    /** Random positions tried per pattern before giving up. */
    static final int ATTEMPTS = 1000;

    private final int size;

    InitialStates(int size) {
        this.size = size;
    }

    /** Each cell alive independently with probability {@code density}, drawn in row-major order. */
    byte[] soup(double density, SplittableRandom rng) {
        byte[] cells = new byte[size * size];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = (byte) (rng.nextDouble() < density ? 1 : 0);
        }
        return cells;
    }

    /**
     * Places pattern k with its top-left cell at row {@code rows[k]}, column {@code cols[k]}
     * (taken modulo S). Overlapping patterns combine by union.
     *
     * @throws NcaException if a pattern is larger than the lattice
     */
    byte[] fixed(List<LifePattern> patterns, int[] rows, int[] cols) {
        byte[] cells = new byte[size * size];
        for (int k = 0; k < patterns.size(); k++) {
            LifePattern p = patterns.get(k);
            requireFits(p);
            stamp(cells, p, Math.floorMod(rows[k], size), Math.floorMod(cols[k], size));
        }
        return cells;
    }

    /**
     * Places the patterns one after the other at uniformly random positions, each at least
     * {@link #CLEARANCE} cells from the bounding boxes of those placed before; with
     * {@code randomOrientation} each is first turned or mirrored by one of the eight symmetries of
     * the square, uniformly. Draws, per pattern: the symmetry (if random), then (row, column) pairs
     * until one is free.
     *
     * @throws NcaException if a pattern is larger than the lattice or finds no free position in
     *                      {@link #ATTEMPTS} tries
     */
    byte[] random(List<LifePattern> patterns, boolean randomOrientation, SplittableRandom rng) {
        byte[] cells = new byte[size * size];
        boolean[] reserved = new boolean[size * size];
        for (int k = 0; k < patterns.size(); k++) {
            LifePattern p = patterns.get(k);
            requireFits(p);
            if (randomOrientation) {
                p = p.oriented(rng.nextInt(8));
            }
            boolean placed = false;
            for (int attempt = 0; attempt < ATTEMPTS && !placed; attempt++) {
                int top = rng.nextInt(size);
                int left = rng.nextInt(size);
                if (free(reserved, top, left, p.height(), p.width())) {
                    stamp(cells, p, top, left);
                    reserve(reserved, top - CLEARANCE, left - CLEARANCE, p.height() + 2 * CLEARANCE,
                            p.width() + 2 * CLEARANCE);
                    placed = true;
                }
            }
            if (!placed) {
                throw new NcaException("could not place Life pattern '" + p.name() + "' (" + p.height() + " x "
                        + p.width() + ") at a random position " + CLEARANCE + " cells clear of the " + k
                        + " pattern(s) placed before it on the " + size + " x " + size + " lattice in " + ATTEMPTS
                        + " tries; use a larger size or fewer patterns");
            }
        }
        return cells;
    }

    private void requireFits(LifePattern p) {
        if (p.height() > size || p.width() > size) {
            throw new NcaException("Life pattern '" + p.name() + "' (" + p.height() + " rows x " + p.width()
                    + " columns) is larger than the " + size + " x " + size + " lattice; set size to at least "
                    + Math.max(p.height(), p.width()));
        }
    }

    private void stamp(byte[] cells, LifePattern p, int top, int left) {
        for (int r = 0; r < p.height(); r++) {
            int row = (top + r) % size * size;
            for (int c = 0; c < p.width(); c++) {
                if (p.alive(r, c)) {
                    cells[row + (left + c) % size] = 1;
                }
            }
        }
    }

    private boolean free(boolean[] reserved, int top, int left, int height, int width) {
        for (int r = 0; r < height; r++) {
            int row = (top + r) % size * size;
            for (int c = 0; c < width; c++) {
                if (reserved[row + (left + c) % size]) {
                    return false;
                }
            }
        }
        return true;
    }

    private void reserve(boolean[] reserved, int top, int left, int height, int width) {
        for (int r = 0; r < Math.min(height, size); r++) {
            int row = Math.floorMod(top + r, size) * size;
            for (int c = 0; c < Math.min(width, size); c++) {
                reserved[row + Math.floorMod(left + c, size)] = true;
            }
        }
    }
}
