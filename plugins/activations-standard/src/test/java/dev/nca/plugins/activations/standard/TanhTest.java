package dev.nca.plugins.activations.standard;

import dev.nca.api.Activation;
import dev.nca.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class TanhTest extends ActivationContract {

    @Override
    protected Activation activation() {
        return new Tanh();
    }

    @Test
    void knownValues() {
        // tanh(0.5) = (e - 1) / (e + 1) with e = exp(1); 1 - tanh^2 from it
        KnownValues.check(activation(), new double[] {0.0, 0.5, -1.0},
                new double[] {0.0, 0.46211715726000974, -0.7615941559557649},
                new double[] {1.0, 0.7864477329659274, 0.41997434161402614});
    }
}
