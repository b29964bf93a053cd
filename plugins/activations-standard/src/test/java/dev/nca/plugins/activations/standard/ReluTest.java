package dev.nca.plugins.activations.standard;

import dev.nca.api.Activation;
import dev.nca.testkit.ActivationContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** The derivative is one step op with a cutoff just below zero; the closest numbers show it is exact. */
    @Test
    void derivativeSwitchesExactlyAtZeroInEveryPrecision() {
        check(DataType.DOUBLE, new double[] {-Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE, -1e-300, -1.0},
                new double[] {0, 1, 1, 1, 0, 0});
        check(DataType.FLOAT, new double[] {-Float.MIN_VALUE, -0.0, 0.0, Float.MIN_VALUE, -1e-40, 2.0},
                new double[] {0, 1, 1, 1, 0, 1});
        check(DataType.HALF, new double[] {-1e-7, -0.0, 0.0, 1e-7, -1.0, 2.0}, new double[] {0, 1, 1, 1, 0, 1});
    }

    /** The branch-free float32 array derivative is exact at the closest numbers to zero and at the extremes. */
    @Test
    void arrayDerivativeSwitchesExactlyAtZero() {
        float[] a = {-Float.MIN_VALUE, -0.0f, 0.0f, Float.MIN_VALUE, -1e-40f, 2.0f, -Float.MAX_VALUE,
                Float.MAX_VALUE, Float.NEGATIVE_INFINITY, -1f};
        float[] out = new float[a.length];
        new Relu().derivative(a, out, 0, a.length);
        assertThat(out).containsExactly(0f, 1f, 1f, 1f, 0f, 1f, 0f, 1f, 0f, 0f);
        new Relu().apply(a, out, 0, a.length);
        assertThat(out).containsExactly(0f, 0f, 0f, Float.MIN_VALUE, 0f, 2f, 0f, Float.MAX_VALUE, 0f, 0f);
    }

    private void check(DataType dtype, double[] points, double[] expected) {
        INDArray a = Nd4j.createFromArray(points).castTo(dtype);
        INDArray out = a.ulike();
        activation().derivative(a, out);
        assertThat(out.castTo(DataType.DOUBLE).toDoubleVector()).as("%s", dtype).containsExactly(expected);
        activation().apply(a, out);
        // + 0.0 turns -0.0 into 0.0: relu(-0.0) may be either zero
        double[] relu = java.util.Arrays.stream(a.castTo(DataType.DOUBLE).toDoubleVector()).map(x -> Math.max(x, 0))
                .toArray();
        double[] got = java.util.Arrays.stream(out.castTo(DataType.DOUBLE).toDoubleVector()).map(x -> x + 0.0)
                .toArray();
        assertThat(got).as("%s", dtype).containsExactly(relu);
    }
}
