package dev.nca.plugins.activations.standard;

import dev.nca.api.Activation;
import dev.nca.api.ArrayActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.pf4j.Extension;

/**
 * {@code gelu}, the tanh approximation of the Gaussian error linear unit (not the exact erf form):
 * <pre>
 * u(a)  = a/2 (1 + t),  t = tanh(k (a + c a^3)),  k = sqrt(2/pi),  c = 0.044715
 * u'(a) = (1 + t)/2 + a/2 (1 - t^2) k (1 + 3 c a^2)
 * </pre>
 * Composed from ND4J element-wise operations (so its definition does not depend on which
 * approximation a backend's own GELU op uses). Allocates a few temporaries per call.
 */
@Extension
public class Gelu implements Activation, ArrayActivation {

    static final double K = Math.sqrt(2.0 / Math.PI);
    static final double C = 0.044715;

    @Override
    public String name() {
        return "gelu";
    }

    @Override
    public String description() {
        return "Gaussian error linear unit, tanh approximation a/2 (1 + tanh(sqrt(2/pi) (a + 0.044715 a^3))).";
    }

    /** tanh(k (a + c a^3)) as a new array. */
    private static INDArray inner(INDArray a) {
        INDArray x = a.mul(a).muli(C).addi(1.0).muli(a).muli(K);
        return Transforms.tanh(x, false);
    }

    @Override
    public void apply(INDArray a, INDArray out) {
        out.assign(inner(a)).addi(1.0).muli(a).muli(0.5);
    }

    @Override
    public void derivative(INDArray a, INDArray out) {
        INDArray t = inner(a);
        INDArray slope = a.mul(a).muli(3 * C).addi(1.0).muli(K);
        INDArray second = t.mul(t).rsubi(1.0).muli(a).muli(slope).muli(0.5);
        out.assign(t).addi(1.0).muli(0.5).addi(second);
    }

    @Override
    public void apply(float[] a, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = a[i];
            double t = Math.tanh(K * (x + C * x * x * x));
            out[i] = (float) (0.5 * x * (1 + t));
        }
    }

    @Override
    public void derivative(float[] a, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = a[i];
            double t = Math.tanh(K * (x + C * x * x * x));
            out[i] = (float) (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * K * (1 + 3 * C * x * x));
        }
    }
}
