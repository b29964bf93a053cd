package dev.nca.plugins.activations.standard;

import dev.nca.api.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.pf4j.Extension;

/** {@code linear}: u(a) = a, u'(a) = 1 (makes the update rule a linear function of perception). */
@Extension
public class Linear implements Activation {

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String description() {
        return "Identity u(a) = a; derivative 1.";
    }

    @Override
    public void apply(INDArray a, INDArray out) {
        out.assign(a);
    }

    @Override
    public void derivative(INDArray a, INDArray out) {
        out.assign(1.0);
    }
}
