package dev.nca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.Activation;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Contract for {@link Activation} extensions. Extend it and implement {@link #activation()}.
 *
 * <p>Checks, on float64 arrays of several shapes with entries uniform in
 * {@code [-inputRange(), inputRange()]} but kept at least {@code 1e-3} away from zero (so that
 * kinks such as relu's are avoided): the derivative matches central finite differences of
 * {@code sum u(a)}; inputs are not modified; every entry of {@code out} is written and keeps its
 * shape and data type; float32 results agree with float64 ones; when the activation also
 * implements {@link dev.nca.api.ArrayActivation}, its array methods agree with the ND4J ones (in
 * place too, and on a sub-range only).
 */
public abstract class ActivationContract extends NamedExtensionContract<Activation> {

    /** The activation under test. */
    protected abstract Activation activation();

    @Override
    protected final Activation extension() {
        return activation();
    }

    /** Shapes the checks run on. Default: {@code [7]}, {@code [4, 5]}, {@code [2, 3, 4]}. */
    protected List<long[]> shapes() {
        return List.of(new long[] {7}, new long[] {4, 5}, new long[] {2, 3, 4});
    }

    /** Inputs are drawn from {@code [-inputRange(), inputRange()]}. Default 3. */
    protected double inputRange() {
        return 3.0;
    }

    /** The finite-difference checker. Default: {@link GradientChecker#standard()}. */
    protected GradientChecker gradientChecker() {
        return GradientChecker.standard();
    }

    /** Random float64 input away from zero. */
    protected final INDArray randomInput(long[] shape, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[Math.toIntExact(shapeLength(shape))];
        for (int i = 0; i < v.length; i++) {
            double x;
            do {
                x = rng.nextDouble(-inputRange(), inputRange());
            } while (Math.abs(x) <= 1e-3);
            v[i] = x;
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    @Test
    public void derivativeMatchesFiniteDifferences() {
        Activation u = activation();
        long seed = 1;
        for (long[] shape : shapes()) {
            INDArray a = randomInput(shape, seed++);
            INDArray analytic = Nd4j.create(DataType.DOUBLE, shape);
            u.derivative(a, analytic);
            gradientChecker().check("derivative of '" + u.name() + "' on shape " + java.util.Arrays.toString(shape),
                    x -> {
                        INDArray out = Nd4j.create(DataType.DOUBLE, x.shape());
                        u.apply(x, out);
                        return out.sumNumber().doubleValue();
                    }, a, analytic);
        }
    }

    @Test
    public void inputsAreNotModifiedAndOutputIsFullyWritten() {
        Activation u = activation();
        long seed = 100;
        for (long[] shape : shapes()) {
            INDArray a = randomInput(shape, seed++);
            INDArray copy = a.dup();
            INDArray out = Nd4j.valueArrayOf(shape, Double.NaN, DataType.DOUBLE);
            u.apply(a, out);
            assertThat(NdValues.of(a)).as("input after apply").containsExactly(NdValues.of(copy));
            assertWritten(out, shape, DataType.DOUBLE, "apply");
            INDArray d = Nd4j.valueArrayOf(shape, Double.NaN, DataType.DOUBLE);
            u.derivative(a, d);
            assertThat(NdValues.of(a)).as("input after derivative").containsExactly(NdValues.of(copy));
            assertWritten(d, shape, DataType.DOUBLE, "derivative");
        }
    }

    @Test
    public void float32AgreesWithFloat64() {
        Activation u = activation();
        long seed = 200;
        for (long[] shape : shapes()) {
            INDArray a64 = randomInput(shape, seed++);
            INDArray a32 = a64.castTo(DataType.FLOAT);
            INDArray out64 = Nd4j.create(DataType.DOUBLE, shape);
            INDArray out32 = Nd4j.valueArrayOf(shape, Float.NaN, DataType.FLOAT);
            u.apply(a64, out64);
            u.apply(a32, out32);
            assertWritten(out32, shape, DataType.FLOAT, "apply (float32)");
            assertClose(out32, out64, "apply (float32 vs float64)");
            u.derivative(a64, out64);
            u.derivative(a32, out32);
            assertWritten(out32, shape, DataType.FLOAT, "derivative (float32)");
            assertClose(out32, out64, "derivative (float32 vs float64)");
        }
    }

    @Test
    public void arrayHookAgreesWithTheNd4jPath() {
        Activation u = activation();
        if (!(u instanceof dev.nca.api.ArrayActivation hook)) {
            return;
        }
        INDArray a64 = randomInput(new long[] {64}, 300);
        INDArray out64 = Nd4j.create(DataType.DOUBLE, 64);
        float[] a = a64.castTo(DataType.FLOAT).toFloatVector();
        float[] out = new float[70];
        java.util.Arrays.fill(out, Float.NaN);
        for (int pass = 0; pass < 2; pass++) {
            boolean derivative = pass == 1;
            if (derivative) {
                u.derivative(a64, out64);
                hook.derivative(a, out, 3, 60);
            } else {
                u.apply(a64, out64);
                hook.apply(a, out, 3, 60);
            }
            float[] inPlace = a.clone();
            if (derivative) {
                hook.derivative(inPlace, inPlace, 0, 64);
            } else {
                hook.apply(inPlace, inPlace, 0, 64);
            }
            double[] want = out64.toDoubleVector();
            String what = (derivative ? "derivative" : "apply") + " of '" + u.name() + "' through ArrayActivation";
            assertThat(out[2]).as("%s wrote outside its range", what).isNaN();
            assertThat(out[60]).as("%s wrote outside its range", what).isNaN();
            for (int i = 0; i < 64; i++) {
                org.assertj.core.data.Offset<Double> tol = org.assertj.core.data.Offset.offset(
                        1e-5 * Math.max(1, Math.abs(want[i])));
                if (i >= 3 && i < 60) {
                    assertThat((double) out[i]).as("%s at %d", what, i).isCloseTo(want[i], tol);
                }
                assertThat((double) inPlace[i]).as("%s in place at %d", what, i).isCloseTo(want[i], tol);
            }
        }
    }

    private void assertWritten(INDArray out, long[] shape, DataType type, String what) {
        assertThat(out.shape()).as("%s output shape of '%s'", what, activation().name()).isEqualTo(shape);
        assertThat(out.dataType()).as("%s output type", what).isEqualTo(type);
        double[] v = NdValues.of(out);
        for (int i = 0; i < v.length; i++) {
            assertThat(Double.isFinite(v[i])).as("%s of '%s' wrote a finite value at flat index %d",
                    what, activation().name(), i).isTrue();
        }
    }

    private void assertClose(INDArray out32, INDArray out64, String what) {
        double[] a = NdValues.of(out32);
        double[] b = NdValues.of(out64);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("%s of '%s' at flat index %d", what, activation().name(), i)
                    .isCloseTo(b[i], org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(b[i]))));
        }
    }

    static long shapeLength(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    /**
     * The engine's back-propagation through time with this activation matches finite differences
     * for every boundary and both mask modes (identity + Laplacian + an asymmetric stencil).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.MethodSource("dev.nca.testkit.EngineGradientCheck#boundariesAndMasks")
    public void engineBackpropagationMatchesFiniteDifferences(dev.nca.api.Boundary boundary,
                                                              dev.nca.core.model.MaskMode mode) {
        new EngineGradientCheck(EngineGradientCheck.defaultChecker()).check(EngineGradientCheck.referenceKernels(), activation(), boundary,
                mode, 0.7);
    }
}
