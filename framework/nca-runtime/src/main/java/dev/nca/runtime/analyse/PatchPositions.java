package dev.nca.runtime.analyse;

import dev.nca.api.NcaException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Where the patches of a perturbation analysis go: the top-left cells of a grid over the lattice, or
 * of patches at random positions.
 *
 * @param rows     the top-left row of each patch, {@code [P]}
 * @param cols     the top-left column of each patch, {@code [P]}
 * @param gridRows for a grid, its distinct rows (positions are row-major over gridRows x gridCols);
 *                 null for random positions
 * @param gridCols for a grid, its distinct columns; null for random positions
 */
public record PatchPositions(int[] rows, int[] cols, int[] gridRows, int[] gridCols) {

    public PatchPositions {
        if (rows.length != cols.length || rows.length == 0) {
            throw new IllegalArgumentException("need as many rows as columns, at least one, got " + rows.length
                    + " and " + cols.length);
        }
        if ((gridRows == null) != (gridCols == null)
                || (gridRows != null && gridRows.length * gridCols.length != rows.length)) {
            throw new IllegalArgumentException("a grid needs both axes and one position per grid point");
        }
    }

    /**
     * The grid 0, stride, 2 stride, ... up to S - side in both directions.
     *
     * @throws NcaException when the stride is below 1 or the patch is larger than the lattice
     */
    public static PatchPositions grid(int size, int side, int stride) {
        if (stride < 1) {
            throw new NcaException("the grid stride must be at least 1 cell, got " + stride);
        }
        Patch.requireFits(side, size);
        int[] axis = new int[(size - side) / stride + 1];
        for (int i = 0; i < axis.length; i++) {
            axis[i] = i * stride;
        }
        int[] rows = new int[axis.length * axis.length];
        int[] cols = new int[rows.length];
        for (int i = 0; i < axis.length; i++) {
            for (int j = 0; j < axis.length; j++) {
                rows[i * axis.length + j] = axis[i];
                cols[i * axis.length + j] = axis[j];
            }
        }
        return new PatchPositions(rows, cols, axis, axis.clone());
    }

    /**
     * {@code count} top-left cells drawn uniformly (with repetition) from 0..S - side in each
     * direction, rows then columns, in order from {@code random}.
     *
     * @throws NcaException when count is below 1 or the patch is larger than the lattice
     */
    public static PatchPositions random(int size, int side, int count, SplittableRandom random) {
        if (count < 1) {
            throw new NcaException("the number of random patch positions must be at least 1, got " + count);
        }
        Patch.requireFits(side, size);
        int[] rows = new int[count];
        int[] cols = new int[count];
        for (int p = 0; p < count; p++) {
            rows[p] = random.nextInt(size - side + 1);
            cols[p] = random.nextInt(size - side + 1);
        }
        return new PatchPositions(rows, cols, null, null);
    }

    /** P, the number of positions. */
    public int count() {
        return rows.length;
    }

    /** Whether the positions form a grid. */
    public boolean isGrid() {
        return gridRows != null;
    }

    /** {@code [P][2]}: row and column of each position. */
    public int[][] pairs() {
        int[][] out = new int[count()][];
        for (int p = 0; p < count(); p++) {
            out[p] = new int[] {rows[p], cols[p]};
        }
        return out;
    }

    /**
     * A map of one value per position: for a grid {@code [gridRows][gridCols]}; for random positions
     * {@code [S][S]}, each cell the mean value of the patches covering it, NaN where none does.
     *
     * @param values {@code [P]}
     * @param size   S
     * @param side   the patch side
     */
    public double[][] map(double[] values, int size, int side) {
        if (values.length != count()) {
            throw new IllegalArgumentException("need one value per position (" + count() + "), got " + values.length);
        }
        if (isGrid()) {
            double[][] grid = new double[gridRows.length][];
            for (int i = 0; i < gridRows.length; i++) {
                grid[i] = Arrays.copyOfRange(values, i * gridCols.length, (i + 1) * gridCols.length);
            }
            return grid;
        }
        double[][] sum = new double[size][size];
        int[][] covered = new int[size][size];
        for (int p = 0; p < count(); p++) {
            for (int i = rows[p]; i < rows[p] + side; i++) {
                for (int j = cols[p]; j < cols[p] + side; j++) {
                    sum[i][j] += values[p];
                    covered[i][j]++;
                }
            }
        }
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                sum[i][j] = covered[i][j] == 0 ? Double.NaN : sum[i][j] / covered[i][j];
            }
        }
        return sum;
    }
}
