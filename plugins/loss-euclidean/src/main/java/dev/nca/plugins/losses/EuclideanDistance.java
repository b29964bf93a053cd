package dev.nca.plugins.losses;

import dev.nca.api.Loss;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * The loss made by {@link EuclideanLoss}. Stateless and thread-safe; works in the prediction's
 * data type. Per call it allocates the difference {@code [B, C, S, S]} and a few {@code [B]}
 * vectors.
 */
final class EuclideanDistance implements Loss {

    private final boolean meanSquare;

    EuclideanDistance(boolean meanSquare) {
        this.meanSquare = meanSquare;
    }

    @Override
    public INDArray evaluate(INDArray prediction, INDArray target, INDArray gradientOut) {
        if (!Arrays.equals(prediction.shape(), target.shape()) || prediction.rank() != 4) {
            throw new IllegalArgumentException("prediction and target must both be [B, C, S, S], got "
                    + Arrays.toString(prediction.shape()) + " and " + Arrays.toString(target.shape()));
        }
        long b = prediction.size(0);
        long n = prediction.length() / Math.max(b, 1);
        INDArray diff = prediction.sub(target.castTo(prediction.dataType())).reshape(b, n);
        if (meanSquare) {
            INDArray loss = diff.mul(diff).sum(1).divi(n);
            if (gradientOut != null) {
                gradientOut.assign(diff.muli(2.0 / n).reshape(gradientOut.shape()));
            }
            return loss;
        }
        INDArray loss = diff.norm2(1);
        if (gradientOut != null) {
            // 1 / L_b, with 0 where L_b = 0 (then every difference of sample b is 0 as well)
            INDArray inverse = loss.rdiv(1.0);
            BooleanIndexing.replaceWhere(inverse, 0.0, Conditions.isInfinite());
            gradientOut.assign(diff.muliColumnVector(inverse.reshape(b, 1)).reshape(gradientOut.shape()));
        }
        return loss;
    }
}
