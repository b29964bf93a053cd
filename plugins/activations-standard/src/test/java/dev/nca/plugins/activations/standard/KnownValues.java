package dev.nca.plugins.activations.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Checks an activation at given points against values worked out by hand. */
final class KnownValues {

    private KnownValues() {
    }

    static void check(Activation u, double[] points, double[] values, double[] derivatives) {
        INDArray a = Nd4j.create(points, new long[] {points.length}, DataType.DOUBLE);
        INDArray out = Nd4j.create(DataType.DOUBLE, points.length);
        u.apply(a, out);
        double[] got = out.toDoubleVector();
        u.derivative(a, out);
        double[] gotDerivative = out.toDoubleVector();
        for (int i = 0; i < points.length; i++) {
            assertThat(got[i]).as("%s(%s)", u.name(), points[i]).isCloseTo(values[i], within(1e-12));
            assertThat(gotDerivative[i]).as("%s'(%s)", u.name(), points[i]).isCloseTo(derivatives[i], within(1e-12));
        }
    }
}
