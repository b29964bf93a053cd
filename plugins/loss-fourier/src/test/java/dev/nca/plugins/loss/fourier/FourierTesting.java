package dev.nca.plugins.loss.fourier;

import dev.nca.api.ExtensionContext;
import dev.nca.api.Loss;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Helpers shared by this module's tests. */
final class FourierTesting {

    private FourierTesting() {
    }

    static Loss create(Map<String, Object> raw, DataType dtype) {
        FourierLoss f = new FourierLoss();
        Params p = Params.validate(f.parameters(), raw, "test.toml [training.loss_params]");
        return f.create(p, new ExtensionContext(new RandomSource(3), dtype));
    }

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

    /** The Euclidean distance per sample, written out. */
    static double[] euclidean(INDArray x, INDArray y) {
        double[] out = new double[(int) x.size(0)];
        for (int b = 0; b < out.length; b++) {
            double sum = 0;
            for (int c = 0; c < x.size(1); c++) {
                for (int i = 0; i < x.size(2); i++) {
                    for (int j = 0; j < x.size(3); j++) {
                        sum += Math.pow(x.getDouble(b, c, i, j) - y.getDouble(b, c, i, j), 2);
                    }
                }
            }
            out[b] = Math.sqrt(sum);
        }
        return out;
    }
}
