package dev.nca.plugins.loss.hellinger;

import dev.nca.api.Loss;
import dev.nca.support.lattice.Lattices;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The loss made by {@link HellingerLoss} and {@link BhattacharyyaLoss}: a {@link Divergence}
 * between per-channel normalised masses, averaged over channels, optionally multiplied per
 * channel by {@code 1 + |mean x - mean y|}.
 *
 * <p>For sample b and channel c, with {@code N = S^2} cells i:
 * <pre>
 *   a_i = |x_i| + eps,  A = sum_i a_i,  P_i = a_i / A,  r_i = sqrt(P_i)      (prediction)
 *   b_i = |y_i| + eps,  B = sum_i b_i,  Q_i = b_i / B,  s_i = sqrt(Q_i)      (target)
 *   v_c = divergence(r, s),  f_c = 1 + |mean_i x_i - mean_i y_i|  (1 without mean_penalty)
 *   loss_b = (1/C) sum_c f_c v_c
 * </pre>
 * Gradient, with {@code G_i = (f_c / C) d v_c / d r_i}:
 * {@code d loss_b / d x_j = sign(x_j) (G_j / r_j - sum_i G_i r_i) / (2A)
 *  + (v_c / C) sign(mean x - mean y) / N} (second term only with the mean penalty), where
 * {@code sign(0) = 0}: at {@code x_j = 0} (the kink of {@code |x|}) and at equal means the zero
 * subgradient is used, which is also what central differences give there. {@code r_j >= sqrt(eps / A)
 * > 0}, so the division is finite, but the gradient at cells with almost no predicted mass grows
 * like {@code 1 / sqrt(eps)}: that is the square root's slope near 0.
 *
 * <p>Works on float64 copies whatever the input type; returns values in the prediction's type.
 * Stateless apart from its parameters, thread-safe; per call it allocates copies of the inputs
 * and the gradient ({@code B C S^2} doubles each) and two {@code S^2} scratch vectors.
 */
final class MassDistance implements Loss {

    private final Divergence divergence;
    private final double epsilon;
    private final boolean meanPenalty;

    MassDistance(Divergence divergence, double epsilon, boolean meanPenalty) {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        this.divergence = divergence;
        this.epsilon = epsilon;
        this.meanPenalty = meanPenalty;
    }

    @Override
    public INDArray evaluate(INDArray prediction, INDArray target, INDArray gradientOut) {
        Lattices.checkPair(prediction, target, gradientOut);
        int samples = Math.toIntExact(prediction.size(0));
        int channels = Math.toIntExact(prediction.size(1));
        int cells = Math.toIntExact(prediction.size(2) * prediction.size(3));
        double[] x = Lattices.values(prediction);
        double[] y = Lattices.values(target);
        double[] gradient = gradientOut == null ? null : new double[x.length];
        double[] r = new double[cells];
        double[] s = new double[cells];
        double[] loss = new double[samples];
        for (int b = 0; b < samples; b++) {
            for (int c = 0; c < channels; c++) {
                int offset = (b * channels + c) * cells;
                loss[b] += channel(x, y, offset, cells, r, s, gradient, 1.0 / channels);
            }
        }
        if (gradient != null) {
            gradientOut.assign(Nd4j.create(gradient, prediction.shape(), DataType.DOUBLE));
        }
        return Nd4j.create(loss, new long[] {samples}, DataType.DOUBLE).castTo(prediction.dataType());
    }

    /** One channel's {@code weight f_c v_c}; writes its gradient into {@code gradient[offset..]}. */
    private double channel(double[] x, double[] y, int offset, int cells, double[] r, double[] s,
                           double[] gradient, double weight) {
        double massX = 0;
        double massY = 0;
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < cells; i++) {
            double xi = x[offset + i];
            double yi = y[offset + i];
            massX += Math.abs(xi) + epsilon;
            massY += Math.abs(yi) + epsilon;
            sumX += xi;
            sumY += yi;
        }
        double d = 0;
        double bc = 0;
        for (int i = 0; i < cells; i++) {
            r[i] = Math.sqrt((Math.abs(x[offset + i]) + epsilon) / massX);
            s[i] = Math.sqrt((Math.abs(y[offset + i]) + epsilon) / massY);
            double diff = r[i] - s[i];
            d += diff * diff;
            bc += r[i] * s[i];
        }
        double value = divergence.value(d, bc);
        double meanGap = (sumX - sumY) / cells;
        double factor = meanPenalty ? 1 + Math.abs(meanGap) : 1.0;
        if (gradient != null) {
            double scale = weight * factor * divergence.slope(d, bc, value);
            double dot = 0;
            for (int i = 0; i < cells; i++) {
                dot += (r[i] - s[i]) * r[i];
            }
            double meanTerm = meanPenalty ? weight * value * Math.signum(meanGap) / cells : 0.0;
            for (int j = 0; j < cells; j++) {
                double xj = x[offset + j];
                double perMass = scale * ((r[j] - s[j]) / r[j] - dot) / (2 * massX);
                gradient[offset + j] = perMass * Math.signum(xj) + meanTerm;
            }
        }
        return weight * factor * value;
    }
}
