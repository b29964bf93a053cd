package org.example.nca.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Activation;
import dev.nca.testkit.ActivationContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The activation contract (derivative against finite differences, inputs untouched, float32 vs
 * float64, back-propagation through a small NCA) plus values worked out by hand.
 */
class SoftplusTest extends ActivationContract {

    @Override
    protected Activation activation() {
        return new Softplus();
    }

    @Test
    void valuesWorkedOutByHand() {
        // e^(ln 3) = 3:  u(ln 3) = ln 4,    u'(ln 3) = 3 / (3 + 1) = 3/4
        // e^(-ln 3) = 1/3: u(-ln 3) = ln(4/3), u'(-ln 3) = 1 / (1 + 3) = 1/4
        // u(0) = ln 2, u'(0) = 1/2
        double ln3 = Math.log(3.0);
        INDArray a = Nd4j.create(new double[] {0.0, ln3, -ln3}, new long[] {3}, DataType.DOUBLE);
        INDArray u = Nd4j.create(DataType.DOUBLE, 3);
        INDArray du = Nd4j.create(DataType.DOUBLE, 3);

        activation().apply(a, u);
        activation().derivative(a, du);

        assertThat(u.toDoubleVector()).containsExactly(
                new double[] {Math.log(2.0), Math.log(4.0), Math.log(4.0 / 3.0)}, within(1e-12));
        assertThat(du.toDoubleVector()).containsExactly(new double[] {0.5, 0.75, 0.25}, within(1e-12));
    }

    @Test
    void largeInputsStayFiniteInFloat32() {
        // ln(1 + e^a) computed naively overflows for a > 88 in float32; softplus(a) = a there, and
        // e^-100 = 3.7e-44 is 0 at float32 precision
        INDArray a = Nd4j.create(new float[] {1000f, -1000f, 100f, -100f}, new long[] {4}, DataType.FLOAT);
        INDArray u = Nd4j.create(DataType.FLOAT, 4);
        INDArray du = Nd4j.create(DataType.FLOAT, 4);

        activation().apply(a, u);
        activation().derivative(a, du);

        assertThat(u.toDoubleVector()).containsExactly(new double[] {1000, 0, 100, 0}, within(1e-30));
        assertThat(du.toDoubleVector()).containsExactly(new double[] {1, 0, 1, 0}, within(1e-30));
    }
}
