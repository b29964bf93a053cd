package dev.nca.plugins.loss.sliced.wasserstein;

import java.util.Arrays;

/**
 * Variant {@code "channel"}: every cell is a point in {@code R^C}; the prediction and the target of
 * a sample are two clouds of {@code N = S^2} points each. For unit directions
 * {@code theta_1..theta_n} in {@code R^C}:
 * <pre>
 *   u_i = theta_k . x_i,  v_i = theta_k . y_i           (i over cells)
 *   SW_k = (1/N) sum_r (u_(r) - v_(r))^2                  (r-th smallest of each)
 *   loss_b = (1/n) sum_k SW_k
 * </pre>
 * i.e. the squared 2-Wasserstein distance between the projected empirical distributions (mass
 * 1/N per cell), averaged over directions: a Monte-Carlo estimate of the squared sliced
 * Wasserstein distance. Gradient, with the sorting permutation held fixed:
 * {@code d loss_b / d x_i = (2 / (n N)) sum_k (u_i - v_(rank_k(i))) theta_k}.
 */
final class ChannelSlicing implements Slicing {

    @Override
    public int dimension(int channels, int cells) {
        return channels;
    }

    @Override
    public double sample(double[] x, double[] y, int offset, int channels, int cells, double[] directions, int count,
                         double[] gradient) {
        double[] u = new double[cells];
        double[] v = new double[cells];
        double[] residual = new double[cells];
        Ranks ranks = new Ranks(cells);
        int[] order = new int[cells];
        int[] targetOrder = new int[cells];
        if (gradient != null) {
            Arrays.fill(gradient, offset, offset + channels * cells, 0.0);
        }
        double total = 0;
        for (int k = 0; k < count; k++) {
            int row = k * channels;
            project(x, offset, channels, cells, directions, row, u);
            project(y, offset, channels, cells, directions, row, v);
            ranks.argsort(v, cells, targetOrder);
            ranks.argsort(u, cells, order);
            double sum = 0;
            for (int r = 0; r < cells; r++) {
                int i = order[r];
                double d = u[i] - v[targetOrder[r]];
                sum += d * d;
                residual[i] = d;
            }
            total += sum / cells;
            if (gradient != null) {
                double scale = 2.0 / ((double) count * cells);
                for (int c = 0; c < channels; c++) {
                    double w = scale * directions[row + c];
                    int base = offset + c * cells;
                    for (int i = 0; i < cells; i++) {
                        gradient[base + i] += w * residual[i];
                    }
                }
            }
        }
        return total / count;
    }

    /** {@code out_i = sum_c theta[row + c] a[offset + c N + i]}. */
    private static void project(double[] a, int offset, int channels, int cells, double[] theta, int row,
                                double[] out) {
        Arrays.fill(out, 0.0);
        for (int c = 0; c < channels; c++) {
            double w = theta[row + c];
            int base = offset + c * cells;
            for (int i = 0; i < cells; i++) {
                out[i] += w * a[base + i];
            }
        }
    }
}
