package dev.nca.plugins.activations.standard;

import dev.nca.api.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.pf4j.Extension;

/** {@code tanh}: u(a) = tanh(a), u'(a) = 1 - tanh(a)^2. */
@Extension
public class Tanh implements Activation {

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
}
