package dev.nca.cli.evaltest;

import dev.nca.api.ExtensionContext;
import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.api.Params;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.pf4j.Extension;

/**
 * {@code eval-squared}: each sample's sum of squared differences, gradient 2 (p - t); for the
 * command-line tests (packed into a test plugin jar).
 */
@Extension
public class EvalSquaredLoss implements LossFunction {

    @Override
    public String name() {
        return "eval-squared";
    }

    @Override
    public String description() {
        return "sum of squared differences, for the command-line tests";
    }

    @Override
    public Loss create(Params params, ExtensionContext context) {
        return (prediction, target, gradientOut) -> {
            INDArray diff = prediction.sub(target);
            if (gradientOut != null) {
                gradientOut.assign(diff.mul(2.0));
            }
            long b = diff.size(0);
            return diff.mul(diff).reshape(b, diff.length() / b).sum(1);
        };
    }
}
