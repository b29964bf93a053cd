package dev.nca.core.support;

import dev.nca.api.Loss;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Per-sample sum of squared differences (a test stand-in for the plugin losses). */
public final class SquaredLoss implements Loss {
    @Override
    public INDArray evaluate(INDArray prediction, INDArray target, INDArray gradientOut) {
        INDArray d = prediction.sub(target);
        if (gradientOut != null) {
            gradientOut.assign(d.mul(2));
        }
        return d.mul(d).sum(1, 2, 3);
    }
}
