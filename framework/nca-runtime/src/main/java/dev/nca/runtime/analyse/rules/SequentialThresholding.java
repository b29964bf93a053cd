package dev.nca.runtime.analyse.rules;

import dev.nca.api.NcaException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequentially thresholded least squares (as in SINDy and PDE-FIND): normalise every column to
 * unit length, fit by least squares, drop every term whose contribution is small, refit on the
 * survivors, and repeat until the set of terms no longer changes.
 *
 * <p>A term's contribution is its coefficient on the unit-length column divided by the length of
 * the target, i.e. the share of the target's norm the term carries; terms below {@code threshold}
 * are dropped.
 */
public final class SequentialThresholding {

    private final double threshold;
    private final int maxIterations;

    /**
     * @param threshold     the smallest contribution a term may keep, in [0, 1)
     * @param maxIterations the most fit-and-threshold rounds, >= 1
     */
    public SequentialThresholding(double threshold, int maxIterations) {
        if (!(threshold >= 0 && threshold < 1)) {
            throw new NcaException("the sparsity threshold must be in [0, 1), got " + threshold);
        }
        if (maxIterations < 1) {
            throw new NcaException("the number of thresholding rounds must be at least 1, got " + maxIterations);
        }
        this.threshold = threshold;
        this.maxIterations = maxIterations;
    }

    /**
     * Fits one channel.
     *
     * @param channel the channel's name (for the equation)
     * @param names   the term names, one per column
     * @param columns the library evaluated at every row, {@code [p][n]}; not modified
     * @param target  the per-step change at every row, {@code [n]}
     * @return the sparse equation with its R^2 and the full library's R^2
     */
    public SparseFit fit(String channel, List<String> names, double[][] columns, double[] target) {
        int p = columns.length;
        double[] norms = new double[p];
        double[][] unit = new double[p][];
        List<Integer> active = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            norms[j] = norm(columns[j]);
            unit[j] = columns[j].clone();
            if (norms[j] > 0) {
                for (int i = 0; i < unit[j].length; i++) {
                    unit[j][i] /= norms[j];
                }
                active.add(j);
            }
        }
        double targetNorm = norm(target);
        double[] full = solveOn(unit, active, target);
        double libraryR2 = r2(unit, full, target);
        double[] w = full;
        for (int round = 0; round < maxIterations && targetNorm > 0; round++) {
            List<Integer> kept = new ArrayList<>();
            for (int j : active) {
                if (Math.abs(w[j]) / targetNorm >= threshold) {
                    kept.add(j);
                }
            }
            if (kept.equals(active)) {
                break;
            }
            active = kept;
            w = solveOn(unit, active, target);
        }
        Map<String, Double> coefficients = new LinkedHashMap<>();
        for (int j : active) {
            coefficients.put(names.get(j), w[j] / norms[j]);
        }
        return new SparseFit(channel, coefficients, r2(unit, w, target), libraryR2, target.length);
    }

    /** Least squares on the active columns; the others get 0. */
    private static double[] solveOn(double[][] unit, List<Integer> active, double[] target) {
        double[] w = new double[unit.length];
        if (active.isEmpty()) {
            return w;
        }
        double[][] cols = new double[active.size()][];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = unit[active.get(k)];
        }
        double[] solved = LeastSquares.solve(cols, target);
        for (int k = 0; k < cols.length; k++) {
            w[active.get(k)] = solved[k];
        }
        return w;
    }

    /** 1 - residual sum of squares / total sum of squares about the mean. */
    static double r2(double[][] columns, double[] w, double[] target) {
        double mean = 0;
        for (double v : target) {
            mean += v / target.length;
        }
        double residual = 0;
        double total = 0;
        for (int i = 0; i < target.length; i++) {
            double fit = 0;
            for (int j = 0; j < columns.length; j++) {
                if (w[j] != 0) {
                    fit += w[j] * columns[j][i];
                }
            }
            residual += (target[i] - fit) * (target[i] - fit);
            total += (target[i] - mean) * (target[i] - mean);
        }
        return total > 0 ? 1 - residual / total : (residual == 0 ? 1 : 0);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
