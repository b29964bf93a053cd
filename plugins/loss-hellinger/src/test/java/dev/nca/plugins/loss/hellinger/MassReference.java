package dev.nca.plugins.loss.hellinger;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Slow, literal implementation of the two definitions for tests, reading entries one by one with
 * {@code getDouble(b, c, i, j)}: P and Q as arrays, then the textbook formulas.
 */
final class MassReference {

    private MassReference() {
    }

    /** Per-sample mean over channels of (1/sqrt 2) ||sqrt P - sqrt Q||, times the penalty when asked. */
    static double[] hellinger(INDArray x, INDArray y, double eps, boolean penalty) {
        return perSample(x, y, eps, penalty, true);
    }

    /** Per-sample mean over channels of -log sum sqrt(P Q), times the penalty when asked. */
    static double[] bhattacharyya(INDArray x, INDArray y, double eps, boolean penalty) {
        return perSample(x, y, eps, penalty, false);
    }

    private static double[] perSample(INDArray xa, INDArray ya, double eps, boolean penalty, boolean hellinger) {
        INDArray x = xa.castTo(DataType.DOUBLE);
        INDArray y = ya.castTo(DataType.DOUBLE);
        int nb = (int) x.size(0);
        int nc = (int) x.size(1);
        int s = (int) x.size(2);
        double[] out = new double[nb];
        for (int b = 0; b < nb; b++) {
            double total = 0;
            for (int c = 0; c < nc; c++) {
                double[] p = mass(x, b, c, s, eps);
                double[] q = mass(y, b, c, s, eps);
                double value;
                if (hellinger) {
                    double sq = 0;
                    for (int i = 0; i < p.length; i++) {
                        sq += Math.pow(Math.sqrt(p[i]) - Math.sqrt(q[i]), 2);
                    }
                    value = Math.sqrt(sq) / Math.sqrt(2);
                } else {
                    double bc = 0;
                    for (int i = 0; i < p.length; i++) {
                        bc += Math.sqrt(p[i] * q[i]);
                    }
                    value = -Math.log(bc);
                }
                if (penalty) {
                    value *= 1 + Math.abs(mean(x, b, c, s) - mean(y, b, c, s));
                }
                total += value;
            }
            out[b] = total / nc;
        }
        return out;
    }

    private static double[] mass(INDArray a, int b, int c, int s, double eps) {
        double[] m = new double[s * s];
        double sum = 0;
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                m[i * s + j] = Math.abs(a.getDouble(b, c, i, j)) + eps;
                sum += m[i * s + j];
            }
        }
        for (int k = 0; k < m.length; k++) {
            m[k] /= sum;
        }
        return m;
    }

    private static double mean(INDArray a, int b, int c, int s) {
        double sum = 0;
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                sum += a.getDouble(b, c, i, j);
            }
        }
        return sum / (s * s);
    }
}
