package dev.nca.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.ExtensionContext;
import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.api.RandomSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Contract for {@link LossFunction} extensions. Extend it and implement {@link #lossFunction()};
 * override {@link #validParams()} for parameters and the flags below where the loss differs.
 *
 * <p>Checks, on float64 pairs {@code [B, C, S, S]} of several shapes (random values in
 * {@link #valueRange()}, which includes negative values by default, and constant images):
 * <ul>
 *   <li>the result is {@code [B]} of the prediction's data type, finite;</li>
 *   <li>the gradient matches central finite differences of {@code sum_b loss[b]};</li>
 *   <li>prediction and target are not modified; {@code gradientOut} is overwritten, not
 *       accumulated into; {@code gradientOut = null} gives the same values;</li>
 *   <li>two losses created from the same seed agree, and repeated calls agree
 *       ({@link #deterministicPerCall()});</li>
 *   <li>identical inputs give zero loss and zero gradient ({@link #zeroForIdenticalInputs()});</li>
 *   <li>{@code L(x, y) = L(y, x)} ({@link #symmetric()});</li>
 *   <li>float32 inputs give float32 results close to the float64 ones.</li>
 * </ul>
 * The random pairs are never identical, so losses that are not differentiable at {@code x = y}
 * (Euclidean) are only differentiated where they are smooth.
 */
public abstract class LossFunctionContract extends NamedExtensionContract<LossFunction> {

    /** The loss function under test. */
    protected abstract LossFunction lossFunction();

    @Override
    protected final LossFunction extension() {
        return lossFunction();
    }

    /** Whether {@code L(x, x) = 0} with zero gradient. Default true. */
    protected boolean zeroForIdenticalInputs() {
        return true;
    }

    /** Whether {@code L(x, y) = L(y, x)}. Default true. */
    protected boolean symmetric() {
        return true;
    }

    /** Whether calling the same {@link Loss} twice gives the same values. Default true. */
    protected boolean deterministicPerCall() {
        return true;
    }

    /**
     * The interval random inputs are drawn from. Default {@code [-1, 1]}; losses defined only
     * for non-negative values (mass-based ones) override it with a positive interval.
     */
    protected double[] valueRange() {
        return new double[] {-1.0, 1.0};
    }

    /** Shapes {@code [B, C, S, S]} the checks run on. */
    protected List<long[]> shapes() {
        return List.of(new long[] {2, 2, 4, 4}, new long[] {3, 1, 5, 5}, new long[] {1, 3, 3, 3});
    }

    /** The finite-difference checker. Default: {@link GradientChecker#standard()}. */
    protected GradientChecker gradientChecker() {
        return GradientChecker.standard();
    }

    /** A loss created with the contract's parameters, the given seed and data type. */
    protected final Loss createLoss(long seed, DataType dtype) {
        return lossFunction().create(params(), new ExtensionContext(new RandomSource(seed), dtype));
    }

    /** Random values uniform in {@link #valueRange()}. */
    protected final INDArray random(long[] shape, SplittableRandom rng) {
        double lo = valueRange()[0];
        double hi = valueRange()[1];
        double[] v = new double[Math.toIntExact(ActivationContract.shapeLength(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble(lo, hi);
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    /** A constant image at fraction {@code f} of {@link #valueRange()}. */
    protected final INDArray constant(long[] shape, double f) {
        double lo = valueRange()[0];
        double hi = valueRange()[1];
        return Nd4j.valueArrayOf(shape, lo + f * (hi - lo), DataType.DOUBLE);
    }

    /** Prediction-target pairs: random/random, constant/random, random/constant, two constants. */
    protected final List<INDArray[]> pairs() {
        List<INDArray[]> out = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(42);
        for (long[] shape : shapes()) {
            out.add(new INDArray[] {random(shape, rng), random(shape, rng)});
            out.add(new INDArray[] {constant(shape, 0.3), random(shape, rng)});
            out.add(new INDArray[] {random(shape, rng), constant(shape, 0.8)});
            out.add(new INDArray[] {constant(shape, 0.2), constant(shape, 0.7)});
        }
        return out;
    }

    private static String describe(INDArray[] pair) {
        return "shape " + Arrays.toString(pair[0].shape());
    }

    @Test
    public void gradientMatchesFiniteDifferences() {
        Loss loss = createLoss(7, DataType.DOUBLE);
        for (INDArray[] pair : pairs()) {
            INDArray target = pair[1];
            INDArray gradient = Nd4j.create(DataType.DOUBLE, pair[0].shape());
            loss.evaluate(pair[0], target, gradient);
            gradientChecker().check("gradient of '" + lossFunction().name() + "' for " + describe(pair),
                    GradientChecker.sumOf(x -> loss.evaluate(x, target, null)), pair[0], gradient);
        }
    }

    @Test
    public void resultIsPerSampleOfPredictionType() {
        Loss loss = createLoss(7, DataType.DOUBLE);
        for (INDArray[] pair : pairs()) {
            INDArray values = loss.evaluate(pair[0], pair[1], null);
            assertThat(values.shape()).as("loss shape for %s", describe(pair)).containsExactly(pair[0].size(0));
            assertThat(values.dataType()).isEqualTo(DataType.DOUBLE);
            for (double v : values.toDoubleVector()) {
                assertThat(Double.isFinite(v)).as("finite loss").isTrue();
            }
        }
    }

    @Test
    public void inputsUnchangedAndGradientOverwritten() {
        Loss loss = createLoss(7, DataType.DOUBLE);
        for (INDArray[] pair : pairs()) {
            INDArray p = pair[0].dup();
            INDArray t = pair[1].dup();
            INDArray withoutGradient = loss.evaluate(pair[0], pair[1], null);
            INDArray clean = Nd4j.zeros(DataType.DOUBLE, p.shape());
            INDArray withGradient = loss.evaluate(pair[0], pair[1], clean);
            INDArray dirty = Nd4j.valueArrayOf(p.shape(), 123.0, DataType.DOUBLE);
            loss.evaluate(pair[0], pair[1], dirty);
            assertThat(NdValues.of(pair[0])).as("prediction after evaluate").containsExactly(NdValues.of(p));
            assertThat(NdValues.of(pair[1])).as("target after evaluate").containsExactly(NdValues.of(t));
            assertThat(withGradient.toDoubleVector()).as("loss with and without gradient")
                    .containsExactly(withoutGradient.toDoubleVector(), within(1e-12));
            assertThat(NdValues.of(dirty)).as("gradientOut is overwritten, not accumulated")
                    .containsExactly(NdValues.of(clean), within(1e-12));
        }
    }

    @Test
    public void deterministicForTheSameSeed() {
        Loss first = createLoss(11, DataType.DOUBLE);
        Loss second = createLoss(11, DataType.DOUBLE);
        for (INDArray[] pair : pairs()) {
            INDArray g1 = Nd4j.create(DataType.DOUBLE, pair[0].shape());
            INDArray g2 = Nd4j.create(DataType.DOUBLE, pair[0].shape());
            double[] a = first.evaluate(pair[0], pair[1], g1).toDoubleVector();
            double[] b = second.evaluate(pair[0], pair[1], g2).toDoubleVector();
            assertThat(b).as("same seed, same loss").containsExactly(a, within(0.0));
            assertThat(NdValues.of(g2)).as("same seed, same gradient").containsExactly(NdValues.of(g1));
            if (deterministicPerCall()) {
                double[] again = first.evaluate(pair[0], pair[1], null).toDoubleVector();
                assertThat(again).as("repeated call").containsExactly(a, within(0.0));
            }
        }
    }

    @Test
    public void identicalInputsGiveZeroLossAndGradient() {
        if (!zeroForIdenticalInputs()) {
            return;
        }
        Loss loss = createLoss(7, DataType.DOUBLE);
        for (INDArray[] pair : pairs()) {
            INDArray gradient = Nd4j.valueArrayOf(pair[0].shape(), 5.0, DataType.DOUBLE);
            double[] values = loss.evaluate(pair[0], pair[0].dup(), gradient).toDoubleVector();
            for (double v : values) {
                assertThat(v).as("L(x, x) for %s", describe(pair)).isCloseTo(0.0, within(1e-10));
            }
            assertThat(gradient.amaxNumber().doubleValue()).as("|gradient| of L(x, x)").isLessThanOrEqualTo(1e-10);
        }
    }

    @Test
    public void symmetricWhereDeclared() {
        if (!symmetric()) {
            return;
        }
        Loss loss = createLoss(7, DataType.DOUBLE);
        for (INDArray[] pair : pairs()) {
            double[] xy = loss.evaluate(pair[0], pair[1], null).toDoubleVector();
            double[] yx = loss.evaluate(pair[1], pair[0], null).toDoubleVector();
            assertThat(yx).as("L(y, x) vs L(x, y) for %s", describe(pair)).containsExactly(xy, within(1e-12));
        }
    }

    @Test
    public void float32AgreesWithFloat64() {
        Loss loss64 = createLoss(7, DataType.DOUBLE);
        Loss loss32 = createLoss(7, DataType.FLOAT);
        for (INDArray[] pair : pairs()) {
            INDArray g64 = Nd4j.create(DataType.DOUBLE, pair[0].shape());
            INDArray g32 = Nd4j.create(DataType.FLOAT, pair[0].shape());
            INDArray v64 = loss64.evaluate(pair[0], pair[1], g64);
            INDArray v32 = loss32.evaluate(pair[0].castTo(DataType.FLOAT), pair[1].castTo(DataType.FLOAT), g32);
            assertThat(v32.dataType()).as("float32 loss type").isEqualTo(DataType.FLOAT);
            assertThat(v32.shape()).containsExactly(pair[0].size(0));
            double[] a = v32.toDoubleVector();
            double[] b = v64.toDoubleVector();
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).as("float32 loss %d", i).isCloseTo(b[i], within(1e-4 * Math.max(1, Math.abs(b[i]))));
            }
            INDArray diff = g32.castTo(DataType.DOUBLE).sub(g64);
            double scale = Math.max(1, g64.amaxNumber().doubleValue());
            assertThat(diff.amaxNumber().doubleValue()).as("float32 gradient vs float64")
                    .isLessThanOrEqualTo(1e-4 * scale);
        }
    }
}
