package dev.nca.plugins.loss.sliced.wasserstein;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Loss;
import dev.nca.testkit.NdValues;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code sliced-wasserstein} with {@code redraw = "per_call"}: new seeded directions every call. */
class PerCallRedrawTest extends SlicedContract {

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("redraw", "per_call", "projections", 8L);
    }

    @Override
    protected boolean deterministicPerCall() {
        return false;
    }

    @Override
    protected boolean fixedDirections() {
        return false;
    }

    /**
     * Replaced (not a test here): the contract compares two consecutive calls of one loss, which
     * draw different directions by design. {@link #symmetricForTheSameDirections()} compares the
     * first calls of two losses from the same seed instead.
     */
    @Override
    public void symmetricWhereDeclared() {
        throw new UnsupportedOperationException("replaced by symmetricForTheSameDirections");
    }

    /**
     * Replaced (not a test here), as {@link #symmetricWhereDeclared()}:
     * {@link #inputsUnchangedAndGradientOverwrittenForTheSameDirections()} uses fresh losses.
     */
    @Override
    public void inputsUnchangedAndGradientOverwritten() {
        throw new UnsupportedOperationException("replaced by inputsUnchangedAndGradientOverwrittenForTheSameDirections");
    }

    @Test
    void symmetricForTheSameDirections() {
        for (INDArray[] pair : pairs()) {
            double[] xy = createLoss(7, DataType.DOUBLE).evaluate(pair[0], pair[1], null).toDoubleVector();
            double[] yx = createLoss(7, DataType.DOUBLE).evaluate(pair[1], pair[0], null).toDoubleVector();
            assertThat(yx).containsExactly(xy, within(1e-12));
        }
    }

    @Test
    void inputsUnchangedAndGradientOverwrittenForTheSameDirections() {
        for (INDArray[] pair : pairs()) {
            double[] p = NdValues.of(pair[0]);
            double[] t = NdValues.of(pair[1]);
            double[] without = createLoss(7, DataType.DOUBLE).evaluate(pair[0], pair[1], null).toDoubleVector();
            INDArray clean = Nd4j.zeros(DataType.DOUBLE, pair[0].shape());
            double[] with = createLoss(7, DataType.DOUBLE).evaluate(pair[0], pair[1], clean).toDoubleVector();
            INDArray dirty = Nd4j.valueArrayOf(pair[0].shape(), 123.0, DataType.DOUBLE);
            createLoss(7, DataType.DOUBLE).evaluate(pair[0], pair[1], dirty);
            assertThat(NdValues.of(pair[0])).containsExactly(p);
            assertThat(NdValues.of(pair[1])).containsExactly(t);
            assertThat(with).containsExactly(without, within(1e-12));
            assertThat(NdValues.of(dirty)).containsExactly(NdValues.of(clean), within(1e-12));
        }
    }

    @Test
    void callsDifferButTheSequenceRepeatsForTheSameSeed() {
        SplittableRandom rng = new SplittableRandom(51);
        INDArray x = SlicedTesting.array(SlicedTesting.uniform(2 * 3 * 16, rng), 2, 3, 4, 4);
        INDArray y = SlicedTesting.array(SlicedTesting.uniform(2 * 3 * 16, rng), 2, 3, 4, 4);
        Loss first = SlicedTesting.create(validParams(), 9);
        Loss second = SlicedTesting.create(validParams(), 9);
        Loss other = SlicedTesting.create(validParams(), 10);
        double[][] a = new double[3][];
        for (int call = 0; call < 3; call++) {
            a[call] = first.evaluate(x, y, null).toDoubleVector();
            assertThat(second.evaluate(x, y, null).toDoubleVector()).as("call %d, same seed", call).containsExactly(a[call]);
        }
        assertThat(a[1]).isNotEqualTo(a[0]);
        assertThat(a[2]).isNotEqualTo(a[1]);
        assertThat(other.evaluate(x, y, null).toDoubleVector()).isNotEqualTo(a[0]);
        // a fixed-direction loss with the same seed repeats its first value
        Loss fixed = SlicedTesting.create(Map.of("projections", 8L), 9);
        double[] f0 = fixed.evaluate(x, y, null).toDoubleVector();
        assertThat(fixed.evaluate(x, y, null).toDoubleVector()).containsExactly(f0);
    }
}
