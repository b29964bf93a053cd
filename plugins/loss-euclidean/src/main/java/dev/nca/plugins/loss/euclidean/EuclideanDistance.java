package dev.nca.plugins.loss.euclidean;

import dev.nca.api.InvalidParameterException;
import dev.nca.api.Loss;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The loss made by {@link EuclideanLoss}. Stateless and thread-safe; works in the prediction's
 * data type. Per call it allocates the difference {@code [B, C, S, S]} and a few {@code [B]} or
 * {@code [B C]} vectors.
 */
final class EuclideanDistance implements Loss {

    private final boolean meanSquare;
    /** One weight per observable channel, or {@code null} for unit weights. */
    private final double[] channelWeights;
    /** Where the weights came from, for the channel-count error. */
    private final String source;

    EuclideanDistance(boolean meanSquare, double[] channelWeights, String source) {
        this.meanSquare = meanSquare;
        this.channelWeights = channelWeights == null || channelWeights.length == 0 ? null : channelWeights.clone();
        this.source = source;
    }

    @Override
    public INDArray evaluate(INDArray prediction, INDArray target, INDArray gradientOut) {
        if (!Arrays.equals(prediction.shape(), target.shape()) || prediction.rank() != 4) {
            throw new IllegalArgumentException("prediction and target must both be [B, C, S, S], got "
                    + Arrays.toString(prediction.shape()) + " and " + Arrays.toString(target.shape()));
        }
        long b = prediction.size(0);
        long c = prediction.size(1);
        long n = prediction.length() / Math.max(b, 1);
        INDArray weights = rowWeights(b, c, prediction);
        // rows are (sample, channel) pairs; weights (when given) scale each row's squares
        INDArray diff = prediction.sub(target.castTo(prediction.dataType())).reshape(b * c, n / Math.max(c, 1));
        INDArray rowSums = diff.mul(diff).sum(1);
        if (weights != null) {
            rowSums.muli(weights);
        }
        INDArray squares = rowSums.reshape(b, c).sum(1);
        if (meanSquare) {
            INDArray loss = squares.divi(n);
            if (gradientOut != null) {
                diff.muli(2.0 / n);
                if (weights != null) {
                    diff.muliColumnVector(weights.reshape(b * c, 1));
                }
                gradientOut.assign(diff.reshape(gradientOut.shape()));
            }
            return loss;
        }
        INDArray loss = Transforms.sqrt(squares, true);
        if (gradientOut != null) {
            // w_c / L_b per (sample, channel) row, 0 where L_b = 0 (then every weighted difference of b is 0)
            double[] lengths = loss.toDoubleVector();
            double[] perRow = new double[Math.toIntExact(b * c)];
            for (int i = 0; i < perRow.length; i++) {
                double length = lengths[(int) (i / c)];
                double w = channelWeights == null ? 1.0 : channelWeights[(int) (i % c)];
                perRow[i] = length > 0 ? w / length : 0.0;
            }
            INDArray scale = Nd4j.create(perRow, new long[] {b * c, 1}, prediction.dataType());
            gradientOut.assign(diff.muliColumnVector(scale).reshape(gradientOut.shape()));
        }
        return loss;
    }

    /** The channel weights repeated for every sample, {@code [B C]}, or {@code null} for unit weights. */
    private INDArray rowWeights(long b, long c, INDArray prediction) {
        if (channelWeights == null) {
            return null;
        }
        if (channelWeights.length != c) {
            throw new InvalidParameterException(source, EuclideanLoss.CHANNEL_WEIGHTS,
                    Arrays.stream(channelWeights).boxed().toList(),
                    "one non-negative weight per observable channel: the prediction has C_obs = " + c
                            + " channels but " + channelWeights.length + " weights were given");
        }
        double[] tiled = new double[Math.toIntExact(b * c)];
        for (int i = 0; i < tiled.length; i++) {
            tiled[i] = channelWeights[(int) (i % c)];
        }
        return Nd4j.create(tiled, new long[] {b * c}, prediction.dataType());
    }
}
