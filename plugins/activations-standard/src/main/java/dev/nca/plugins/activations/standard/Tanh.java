package dev.nca.plugins.activations.standard;

import dev.nca.api.Activation;
import dev.nca.api.ArrayActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.pf4j.Extension;

/** {@code tanh}: u(a) = tanh(a), u'(a) = 1 - tanh(a)^2. */
@Extension
public class Tanh implements Activation, ArrayActivation {

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String description() {
        return "Hyperbolic tangent; derivative 1 - tanh(a)^2.";
    }

    @Override
    public void apply(INDArray a, INDArray out) {
        Transforms.tanh(out.assign(a), false);
    }

    @Override
    public void derivative(INDArray a, INDArray out) {
        INDArray t = Transforms.tanh(out.assign(a), false);
        t.muli(t).rsubi(1.0);
    }

    @Override
    public void apply(float[] a, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = (float) Math.tanh(a[i]);
        }
    }

    @Override
    public void derivative(float[] a, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double t = Math.tanh(a[i]);
            out[i] = (float) (1 - t * t);
        }
    }
}
