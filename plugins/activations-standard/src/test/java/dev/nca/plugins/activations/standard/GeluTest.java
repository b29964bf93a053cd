package dev.nca.plugins.activations.standard;

import dev.nca.api.Activation;
import dev.nca.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class GeluTest extends ActivationContract {

    @Override
    protected Activation activation() {
        return new Gelu();
    }

    @Test
    void knownValuesOfTheTanhApproximation() {
        // a = 1: inner = sqrt(2/pi) * 1.044715 = 0.83356196893916..., t = tanh(inner) = 0.68238398121655...
        // gelu(1) = (1 + t) / 2; gelu(-1) = -(1 - t) / 2 by symmetry of tanh
        KnownValues.check(activation(), new double[] {0.0, 1.0, -1.0, 2.0},
                new double[] {0.0, 0.8411919906082768, -0.15880800939172324, 1.954597694087775},
                new double[] {0.5, 1.0829640838457826, -0.08296408384578255, 1.0860992566236183});
    }
}
