package dev.nca.cli.evaltest;

import dev.nca.api.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.pf4j.Extension;

/** {@code eval-linear}: u(a) = a, for the command-line tests (packed into a test plugin jar). */
@Extension
public class EvalLinearActivation implements Activation {

    @Override
    public String name() {
        return "eval-linear";
    }

    @Override
    public String description() {
        return "u(a) = a, for the command-line tests";
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
