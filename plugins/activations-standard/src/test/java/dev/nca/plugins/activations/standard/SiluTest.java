package dev.nca.plugins.activations.standard;

import dev.nca.api.Activation;
import dev.nca.testkit.ActivationContract;
import org.junit.jupiter.api.Test;

class SiluTest extends ActivationContract {

    @Override
    protected Activation activation() {
        return new Silu();
    }

    @Test
    void knownValues() {
        // s(1) = 1 / (1 + e^-1) = 0.7310585786300049: silu(1) = s(1), silu'(1) = s (2 - s)
        // s(-2) = 0.11920292202211755: silu(-2) = -2 s, silu'(-2) = s (1 - 2 (1 - s))
        KnownValues.check(activation(), new double[] {0.0, 1.0, -2.0},
                new double[] {0.0, 0.7310585786300049, -0.2384058440442351},
                new double[] {0.5, 0.9276705118714869, -0.09078424878489547});
    }
}
