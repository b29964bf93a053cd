package dev.nca.plugins.activations.standard;

import dev.nca.api.Activation;
import dev.nca.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class LinearTest extends ActivationContract {

    @Override
    protected Activation activation() {
        return new Linear();
    }

    @Test
    void knownValues() {
        KnownValues.check(activation(), new double[] {-2.5, 0.0, 4.0}, new double[] {-2.5, 0.0, 4.0},
                new double[] {1.0, 1.0, 1.0});
    }
}
