package dev.nca.plugins.loss.fourier;

import dev.nca.api.LossFunction;
import dev.nca.testkit.LossFunctionContract;
import java.util.Map;

/**
 * {@code fourier} magnitudes without normalisation, mean square, larger smoothing: the contract
 * (finite differences, float32, symmetry, zero at identical inputs) for the other code paths.
 */
class FourierUnnormalisedTest extends LossFunctionContract {

    @Override
    protected LossFunction lossFunction() {
        return new FourierLoss();
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("normalise", false, "reduction", "mean_square", "epsilon", 1e-3);
    }
}
