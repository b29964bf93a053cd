package dev.nca.plugins.loss.hellinger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.InvalidParameterException;
import dev.nca.api.Loss;
import dev.nca.testkit.GradientChecker;
import dev.nca.testkit.NdValues;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@code hellinger} with default parameters, plus value checks against hand and reference results. */
class HellingerLossTest extends HellingerContract {

    @Test
    void handWorkedExample() {
        // channel 0: H = sqrt(1 - 0.9) = sqrt(0.1); channel 1: identical, H = 0; mean over channels
        INDArray[] xy = MassLossTesting.handExample();
        Loss loss = MassLossTesting.create(new HellingerLoss(), Map.of("epsilon", 1e-12));
        assertThat(loss.evaluate(xy[0], xy[1], null).getDouble(0)).isCloseTo(Math.sqrt(0.1) / 2, within(1e-9));
    }

    @Test
    void matchesLiteralReferenceOnRandomInputs() {
        SplittableRandom rng = new SplittableRandom(1);
        for (double eps : new double[] {1e-6, 1e-2}) {
            Loss loss = MassLossTesting.create(new HellingerLoss(), Map.of("epsilon", eps));
            for (long[] shape : new long[][] {{2, 3, 4, 4}, {1, 2, 6, 6}, {3, 1, 3, 3}}) {
                INDArray x = MassLossTesting.uniform(shape, -1, 1, rng);
                INDArray y = MassLossTesting.uniform(shape, 0, 2, rng);
                assertThat(loss.evaluate(x, y, null).toDoubleVector())
                        .containsExactly(MassReference.hellinger(x, y, eps, false), within(1e-12));
            }
        }
    }

    @Test
    void zeroPredictionHasZeroSubgradient() {
        // |x| has a kink at 0; sign(0) = 0 gives a zero gradient, and so do central differences
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 2, 2, 3, 3);
        INDArray y = MassLossTesting.uniform(x.shape(), 0, 1, new SplittableRandom(2));
        Loss loss = createLoss(1, DataType.DOUBLE);
        INDArray g = Nd4j.valueArrayOf(x.shape(), 7.0, DataType.DOUBLE);
        double[] values = loss.evaluate(x, y, g).toDoubleVector();
        assertThat(values).containsExactly(MassReference.hellinger(x, y, 1e-6, false), within(1e-12));
        assertThat(NdValues.of(g)).containsOnly(0.0);
        GradientChecker.standard().check("hellinger at x = 0", GradientChecker.sumOf(p -> loss.evaluate(p, y, null)),
                x, g);
    }

    @Test
    void ignoresOverallScaleAndStaysInUnitInterval() {
        SplittableRandom rng = new SplittableRandom(3);
        Loss loss = MassLossTesting.create(new HellingerLoss(), Map.of("epsilon", 1e-12));
        INDArray x = MassLossTesting.uniform(new long[] {2, 2, 4, 4}, -1, 1, rng);
        INDArray y = MassLossTesting.uniform(new long[] {2, 2, 4, 4}, -1, 1, rng);
        double[] base = loss.evaluate(x, y, null).toDoubleVector();
        assertThat(loss.evaluate(x.mul(3.0), y, null).toDoubleVector()).containsExactly(base, within(1e-9));
        // disjoint supports give the maximum distance 1
        INDArray a = Nd4j.create(new double[] {1, 0, 0, 0}, new long[] {1, 1, 2, 2}, DataType.DOUBLE);
        INDArray b = Nd4j.create(new double[] {0, 0, 0, 1}, new long[] {1, 1, 2, 2}, DataType.DOUBLE);
        assertThat(loss.evaluate(a, b, null).getDouble(0)).isCloseTo(1.0, within(1e-5)).isLessThanOrEqualTo(1.0);
    }

    @Test
    void viewsAndFloat32CopiesGiveTheSameValues() {
        // channels 1..2 of a 4-channel array: a strided view, not a contiguous buffer
        INDArray big = MassLossTesting.uniform(new long[] {2, 4, 5, 5}, -1, 1, new SplittableRandom(10));
        INDArray view = big.get(NDArrayIndex.all(),
                NDArrayIndex.interval(1, 3));
        INDArray y = MassLossTesting.uniform(new long[] {2, 2, 5, 5}, 0, 1, new SplittableRandom(11));
        Loss loss = createLoss(1, DataType.DOUBLE);
        double[] expected = MassReference.hellinger(view.dup(), y, 1e-6, false);
        assertThat(loss.evaluate(view, y, null).toDoubleVector()).containsExactly(expected, within(1e-12));
        INDArray view32 = big.castTo(DataType.FLOAT).get(NDArrayIndex.all(),
                NDArrayIndex.interval(1, 3));
        assertThat(loss.evaluate(view32, y.castTo(DataType.FLOAT), null).toDoubleVector())
                .containsExactly(expected, within(1e-6));
    }

    @Test
    void rejectsNonPositiveEpsilonAndMismatchedShapes() {
        assertThatThrownBy(() -> MassLossTesting.create(new HellingerLoss(), Map.of("epsilon", 0.0)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("epsilon");
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 1, 1, 3, 3);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 1, 1, 4, 4);
        assertThatThrownBy(() -> createLoss(1, DataType.DOUBLE).evaluate(x, y, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 1, 3, 3]");
    }
}
