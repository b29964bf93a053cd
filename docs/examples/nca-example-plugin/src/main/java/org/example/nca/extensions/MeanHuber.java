package org.example.nca.extensions;

import dev.nca.api.Loss;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The loss created by {@link HuberLoss} for one delta. Immutable and thread-safe; computes in the
 * prediction's data type and allocates three temporaries of the prediction's shape per call.
 *
 * <p>Uses one formula for both branches of the Huber function: with {@code c = min(|d|, delta)},
 * {@code h(d) = c (|d| - c/2)} and {@code h'(d) = sign(d) c}.
 */
final class MeanHuber implements Loss {

    private final double delta;

    MeanHuber(double delta) {
        this.delta = delta;
    }

    /**
     * @param prediction  {@code [B, C_obs, S, S]}, not modified
     * @param target      {@code [B, C_obs, S, S]}, not modified; cast to the prediction's type
     * @param gradientOut {@code [B, C_obs, S, S]} or {@code null}; overwritten with
     *                    {@code clip(prediction - target, -delta, delta) / N}
     * @return {@code [B]}, the mean Huber penalty of each sample, in the prediction's type
     */
    @Override
    public INDArray evaluate(INDArray prediction, INDArray target, INDArray gradientOut) {
        if (prediction.rank() != 4 || !Arrays.equals(prediction.shape(), target.shape())) {
            throw new IllegalArgumentException("prediction and target must both be [B, C, S, S], got "
                    + Arrays.toString(prediction.shape()) + " and " + Arrays.toString(target.shape()));
        }
        long samples = prediction.size(0);
        long n = prediction.size(1) * prediction.size(2) * prediction.size(3);
        INDArray diff = prediction.sub(target.castTo(prediction.dataType()));
        INDArray size = Transforms.abs(diff, true);
        INDArray clipped = Transforms.min(size, delta, true);                 // c = min(|d|, delta)
        INDArray penalty = clipped.mul(0.5).rsubi(size).muli(clipped);        // c (|d| - c/2)
        INDArray loss = penalty.reshape(samples, n).sum(1).divi(n);
        if (gradientOut != null) {
            gradientOut.assign(Transforms.sign(diff, false).muli(clipped).divi(n));
        }
        return loss;
    }
}
