package dev.nca.plugins.activations;

import dev.nca.api.Activation;
import dev.nca.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class ReluTest extends ActivationContract {

    @Override
    protected Activation activation() {
        return new Relu();
    }

    @Test
    void knownValuesIncludingTheRightDerivativeAtZero() {
        KnownValues.check(activation(),
                new double[] {-2.0, -1e-9, 0.0, -0.0, 1e-9, 3.5},
                new double[] {0.0, 0.0, 0.0, 0.0, 1e-9, 3.5},
                new double[] {0.0, 0.0, 1.0, 1.0, 1.0, 1.0});
    }
}
