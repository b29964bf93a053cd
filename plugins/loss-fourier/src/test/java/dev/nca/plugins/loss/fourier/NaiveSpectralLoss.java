package dev.nca.plugins.loss.fourier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Obviously-correct slow reference: the 2-D DFT by its definition (four nested loops with
 * {@code Math.cos}/{@code Math.sin} per term, O(S^4) per image) and the loss formula of
 * {@link FourierLoss} written out directly.
 */
final class NaiveSpectralLoss {

    private NaiveSpectralLoss() {
    }

    /** {re, im} of the DFT of channel c of sample b, scaled by {@code 1/S} when normalised. */
    static double[][] dft(INDArray a, int b, int c, boolean normalise) {
        int s = (int) a.size(2);
        double[][] out = new double[2][s * s];
        for (int k1 = 0; k1 < s; k1++) {
            for (int k2 = 0; k2 < s; k2++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < s; i++) {
                    for (int j = 0; j < s; j++) {
                        double v = a.getDouble(b, c, i, j);
                        double angle = -2 * Math.PI * (k1 * i + k2 * j) / s;
                        re += v * Math.cos(angle);
                        im += v * Math.sin(angle);
                    }
                }
                double w = normalise ? 1.0 / s : 1.0;
                out[0][k1 * s + k2] = w * re;
                out[1][k1 * s + k2] = w * im;
            }
        }
        return out;
    }

    static double[] loss(INDArray xa, INDArray ya, boolean phase, boolean normalise, boolean meanSquare, double eps) {
        INDArray x = xa.castTo(DataType.DOUBLE);
        INDArray y = ya.castTo(DataType.DOUBLE);
        int nb = (int) x.size(0);
        int nc = (int) x.size(1);
        int s = (int) x.size(2);
        double[] out = new double[nb];
        for (int b = 0; b < nb; b++) {
            double sum = 0;
            for (int c = 0; c < nc; c++) {
                double[][] fx = dft(x, b, c, normalise);
                double[][] fy = dft(y, b, c, normalise);
                for (int k = 0; k < s * s; k++) {
                    if (phase) {
                        sum += Math.pow(fx[0][k] - fy[0][k], 2) + Math.pow(fx[1][k] - fy[1][k], 2);
                    } else {
                        double mx = Math.sqrt(fx[0][k] * fx[0][k] + fx[1][k] * fx[1][k] + eps * eps);
                        double my = Math.sqrt(fy[0][k] * fy[0][k] + fy[1][k] * fy[1][k] + eps * eps);
                        sum += (mx - my) * (mx - my);
                    }
                }
            }
            out[b] = meanSquare ? sum / (nc * s * s) : Math.sqrt(sum);
        }
        return out;
    }
}
