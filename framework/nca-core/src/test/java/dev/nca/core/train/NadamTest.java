package dev.nca.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Boundary;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.support.TestExtensions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class NadamTest {

    private final NcaConfig config = new NcaConfig(1, 1, 1, false, TestExtensions.idLap(), TestExtensions.relu(),
            Boundary.PERIODIC, 1.0, MaskMode.CELL);

    @Test
    void matchesTheScalarRecurrenceWorkedOutDirectlyWithAChangingRate() {
        NcaParameters p = NcaParameters.zeros(config, DataType.DOUBLE);
        NcaParameters g = NcaParameters.zeros(config, DataType.DOUBLE);
        Nadam nadam = new Nadam(config, DataType.DOUBLE, 0.9, 0.999, 1e-7, false);
        double[] gradients = {0.5, -1.0, 2.0};
        double[] rates = {0.1, 0.05, 0.02};
        double theta = 0;
        double m = 0;
        double v = 0;
        for (int t = 1; t <= gradients.length; t++) {
            double gr = gradients[t - 1];
            g.v().assign(gr);
            nadam.update(p, g, rates[t - 1]);
            m = 0.9 * m + 0.1 * gr;
            v = 0.999 * v + 0.001 * gr * gr;
            double mHat = 0.9 * m / (1 - Math.pow(0.9, t + 1)) + 0.1 * gr / (1 - Math.pow(0.9, t));
            double vHat = v / (1 - Math.pow(0.999, t));
            theta -= rates[t - 1] * mHat / (Math.sqrt(vHat) + 1e-7);
            assertThat(p.v().getDouble(0)).isCloseTo(theta, within(1e-12));
        }
        assertThat(nadam.steps()).isEqualTo(3);
    }

    @Test
    void normalisationMakesEachTensorUnitLength() {
        NcaParameters p = NcaParameters.zeros(config, DataType.DOUBLE);
        NcaParameters g = NcaParameters.zeros(config, DataType.DOUBLE);
        g.w2().assign(3.0);
        g.v().assign(-4.0);
        new Nadam(config, DataType.DOUBLE, 0.9, 0.999, 1e-7, true).update(p, g, 0.1);
        assertThat(g.w2().norm2Number().doubleValue()).isCloseTo(1.0, within(1e-7));
        assertThat(g.v().getDouble(0)).isCloseTo(-1.0, within(1e-7));
    }
}
