package dev.nca.plugins.loss.sliced.wasserstein;

import java.util.Arrays;

/**
 * Variant {@code "spatial"}: every observable channel's image is a point in {@code R^(S^2)}; the
 * prediction and the target of a sample are two clouds of C points each. For unit directions
 * {@code theta_1..theta_n} in {@code R^(S^2)} (random patterns over the lattice):
 * <pre>
 *   u_c = theta_k . x_c,  v_c = theta_k . y_c           (c over channels)
 *   SW_k = (1/C) sum_r (u_(r) - v_(r))^2                  (r-th smallest of each)
 *   loss_b = (1/n) sum_k SW_k
 * </pre>
 * With few channels this is a coarse measure: for C = 1 it is {@code (1/n) sum_k (theta_k . (x - y))^2},
 * a random sketch of {@code ||x - y||^2 / S^2} (its expectation over directions); for C > 1 it
 * also forgives swapping channels whose projections swap order. Gradient, with the permutation
 * held fixed: {@code d loss_b / d x_c = (2 / (n C)) sum_k (u_c - v_(rank_k(c))) theta_k}.
 */
final class SpatialSlicing implements Slicing {

    @Override
    public int dimension(int channels, int cells) {
        return cells;
    }

    @Override
    public double sample(double[] x, double[] y, int offset, int channels, int cells, double[] directions, int count,
                         double[] gradient) {
        double[] u = new double[channels];
        double[] v = new double[channels];
        Ranks ranks = new Ranks(channels);
        int[] order = new int[channels];
        int[] targetOrder = new int[channels];
        if (gradient != null) {
            Arrays.fill(gradient, offset, offset + channels * cells, 0.0);
        }
        double total = 0;
        for (int k = 0; k < count; k++) {
            int row = k * cells;
            for (int c = 0; c < channels; c++) {
                u[c] = dot(directions, row, x, offset + c * cells, cells);
                v[c] = dot(directions, row, y, offset + c * cells, cells);
            }
            ranks.argsort(v, channels, targetOrder);
            ranks.argsort(u, channels, order);
            double sum = 0;
            for (int r = 0; r < channels; r++) {
                int c = order[r];
                double d = u[c] - v[targetOrder[r]];
                sum += d * d;
                if (gradient != null) {
                    double w = 2.0 * d / ((double) count * channels);
                    int base = offset + c * cells;
                    for (int i = 0; i < cells; i++) {
                        gradient[base + i] += w * directions[row + i];
                    }
                }
            }
            total += sum / channels;
        }
        return total / count;
    }

    private static double dot(double[] a, int aOffset, double[] b, int bOffset, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[aOffset + i] * b[bOffset + i];
        }
        return s;
    }
}
