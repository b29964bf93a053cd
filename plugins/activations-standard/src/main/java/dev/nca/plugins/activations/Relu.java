package dev.nca.plugins.activations;

import dev.nca.api.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.pf4j.Extension;

/**
 * {@code relu}: u(a) = max(a, 0) = (|a| + a) / 2, the paper's choice; u'(a) = 1 for a >= 0
 * (the right derivative at 0) and 0 for a < 0.
 */
@Extension
public class Relu implements Activation {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String description() {
        return "Rectified linear unit max(a, 0); derivative 1 for a >= 0, else 0.";
    }

    @Override
    public void apply(INDArray a, INDArray out) {
        Transforms.relu(out.assign(a), false);
    }

    @Override
    public void derivative(INDArray a, INDArray out) {
        // step(-a) is 1 exactly where a < 0, so 1 - step(-a) is 1 where a >= 0 (also for a = -0.0)
        Transforms.step(out.assign(a).negi(), false).rsubi(1.0);
    }
}
