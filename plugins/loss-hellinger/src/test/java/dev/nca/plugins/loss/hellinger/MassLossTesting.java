package dev.nca.plugins.loss.hellinger;

import dev.nca.api.ExtensionContext;
import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small helpers shared by the tests of this module. */
final class MassLossTesting {

    private MassLossTesting() {
    }

    /** A float64 loss with the given raw parameters. */
    static Loss create(LossFunction function, Map<String, Object> raw) {
        Params p = Params.validate(function.parameters(), raw, "test.toml [training.loss_params]");
        return function.create(p, new ExtensionContext(new RandomSource(5), DataType.DOUBLE));
    }

    /** Uniform values in [lo, hi), float64. */
    static INDArray uniform(long[] shape, double lo, double hi, SplittableRandom rng) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(lo, hi);
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    /**
     * One sample, two channels of 2x2: channel 0 prediction (-1, 1, -1, 1) (|x| uniform, mean 0)
     * against target (16, 4, 4, 1) (sqrt Q = (4, 2, 2, 1) / 5, mean 6.25); channel 1 equal in both.
     * Then sum sqrt(P Q) = (1/2)(4 + 2 + 2 + 1)/5 = 0.9 in channel 0 and 1 in channel 1.
     */
    static INDArray[] handExample() {
        INDArray x = Nd4j.create(new double[] {-1, 1, -1, 1, 0.5, 2, 3, 0.25}, new long[] {1, 2, 2, 2}, DataType.DOUBLE);
        INDArray y = Nd4j.create(new double[] {16, 4, 4, 1, 0.5, 2, 3, 0.25}, new long[] {1, 2, 2, 2}, DataType.DOUBLE);
        return new INDArray[] {x, y};
    }
}
