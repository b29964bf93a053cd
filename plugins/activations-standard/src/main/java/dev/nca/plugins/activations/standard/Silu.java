package dev.nca.plugins.activations.standard;

import dev.nca.api.Activation;
import dev.nca.api.ArrayActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.pf4j.Extension;

/**
 * {@code silu} (swish): u(a) = a sigmoid(a); u'(a) = s (1 + a (1 - s)) with s = sigmoid(a).
 * Allocates one temporary of the input's shape per derivative call.
 */
@Extension
public class Silu implements Activation, ArrayActivation {

    @Override
    public String name() {
        return "silu";
    }

    @Override
    public String description() {
        return "Sigmoid-weighted linear unit (swish) a * sigmoid(a).";
    }

    @Override
    public void apply(INDArray a, INDArray out) {
        Transforms.sigmoid(out.assign(a), false).muli(a);
    }

    @Override
    public void derivative(INDArray a, INDArray out) {
        INDArray s = Transforms.sigmoid(out.assign(a), false);
        INDArray factor = s.rsub(1.0).muli(a).addi(1.0);
        s.muli(factor);
    }

    @Override
    public void apply(float[] a, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = a[i];
            out[i] = (float) (x / (1 + Math.exp(-x)));
        }
    }

    @Override
    public void derivative(float[] a, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = a[i];
            double s = 1 / (1 + Math.exp(-x));
            out[i] = (float) (s * (1 + x * (1 - s)));
        }
    }
}
