package dev.nca.plugins.loss.sliced.wasserstein;

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
final class SlicedTesting {

    private SlicedTesting() {
    }

    static Loss create(Map<String, Object> raw, long seed) {
        SlicedWassersteinLoss f = new SlicedWassersteinLoss();
        Params p = Params.validate(f.parameters(), raw, "test.toml [training.loss_params]");
        return f.create(p, new ExtensionContext(new RandomSource(seed), DataType.DOUBLE));
    }

    static double[] uniform(int n, SplittableRandom rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }

    static INDArray array(double[] values, long... shape) {
        return Nd4j.create(values, shape, DataType.DOUBLE);
    }

    /** Unit vector along the given components. */
    static double[] unit(double... v) {
        double n = 0;
        for (double e : v) {
            n += e * e;
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / Math.sqrt(n);
        }
        return out;
    }

    static double[] concat(double[]... rows) {
        int n = 0;
        for (double[] r : rows) {
            n += r.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] r : rows) {
            System.arraycopy(r, 0, out, k, r.length);
            k += r.length;
        }
        return out;
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }
}
