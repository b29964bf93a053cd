package dev.nca.plugins.loss.hellinger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.testkit.GradientChecker;
import dev.nca.testkit.LossFunctionContract;
import dev.nca.testkit.NdValues;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code bhattacharyya} with default parameters, plus value checks. */
class BhattacharyyaLossTest extends LossFunctionContract {

    @Override
    protected LossFunction lossFunction() {
        return new BhattacharyyaLoss();
    }

    @Test
    void handWorkedExample() {
        // channel 0: -log 0.9; channel 1: -log 1 = 0; mean over channels
        INDArray[] xy = MassLossTesting.handExample();
        Loss loss = MassLossTesting.create(new BhattacharyyaLoss(), Map.of("epsilon", 1e-12));
        assertThat(loss.evaluate(xy[0], xy[1], null).getDouble(0)).isCloseTo(-Math.log(0.9) / 2, within(1e-9));
    }

    @Test
    void matchesLiteralReferenceOnRandomInputs() {
        SplittableRandom rng = new SplittableRandom(6);
        for (double eps : new double[] {1e-6, 1e-2}) {
            Loss loss = MassLossTesting.create(new BhattacharyyaLoss(), Map.of("epsilon", eps));
            for (long[] shape : new long[][] {{2, 3, 4, 4}, {1, 2, 6, 6}, {3, 1, 3, 3}}) {
                INDArray x = MassLossTesting.uniform(shape, -1, 1, rng);
                INDArray y = MassLossTesting.uniform(shape, 0, 2, rng);
                assertThat(loss.evaluate(x, y, null).toDoubleVector())
                        .containsExactly(MassReference.bhattacharyya(x, y, eps, false), within(1e-12));
            }
        }
    }

    @Test
    void nearlyDisjointMassesGiveLargeFiniteDistanceAndGradient() {
        // masses overlap only through eps: sum sqrt(P Q) ~ 2 sqrt(eps), far from the log1p branch
        Loss loss = MassLossTesting.create(new BhattacharyyaLoss(), Map.of("epsilon", 1e-8));
        INDArray x = Nd4j.create(new double[] {1, 0, 0, 0}, new long[] {1, 1, 2, 2}, DataType.DOUBLE);
        INDArray y = Nd4j.create(new double[] {0, 0, 0, 1}, new long[] {1, 1, 2, 2}, DataType.DOUBLE);
        INDArray g = Nd4j.create(DataType.DOUBLE, x.shape());
        double value = loss.evaluate(x, y, g).getDouble(0);
        assertThat(value).isCloseTo(MassReference.bhattacharyya(x, y, 1e-8, false)[0], within(1e-9))
                .isGreaterThan(8.0);
        assertThat(Arrays.stream(NdValues.of(g)).allMatch(Double::isFinite)).as("finite gradient").isTrue();
        INDArray xs = Nd4j.create(new double[] {1, 0.2, 0.1, 0.05}, new long[] {1, 1, 2, 2}, DataType.DOUBLE);
        INDArray gs = Nd4j.create(DataType.DOUBLE, x.shape());
        loss.evaluate(xs, y, gs);
        GradientChecker.standard().withStep(1e-7).check("bhattacharyya far apart",
                GradientChecker.sumOf(p -> loss.evaluate(p, y, null)), xs, gs);
    }

    @Test
    void isMinusLogOfOneMinusHellingerSquared() {
        SplittableRandom rng = new SplittableRandom(7);
        INDArray x = MassLossTesting.uniform(new long[] {4, 1, 5, 5}, -1, 1, rng);
        INDArray y = MassLossTesting.uniform(new long[] {4, 1, 5, 5}, -1, 1, rng);
        double[] h = createLoss(1, DataType.DOUBLE).evaluate(x, y, null).toDoubleVector();
        double[] hel = MassLossTesting.create(new HellingerLoss(), Map.of()).evaluate(x, y, null).toDoubleVector();
        for (int i = 0; i < h.length; i++) {
            assertThat(h[i]).isCloseTo(-Math.log(1 - hel[i] * hel[i]), within(1e-12));
        }
    }

    @Test
    void zeroPredictionHasZeroSubgradient() {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 2, 2, 3, 3);
        INDArray y = MassLossTesting.uniform(x.shape(), 0, 1, new SplittableRandom(8));
        Loss loss = createLoss(1, DataType.DOUBLE);
        INDArray g = Nd4j.valueArrayOf(x.shape(), 7.0, DataType.DOUBLE);
        loss.evaluate(x, y, g);
        assertThat(NdValues.of(g)).containsOnly(0.0);
        GradientChecker.standard().check("bhattacharyya at x = 0",
                GradientChecker.sumOf(p -> loss.evaluate(p, y, null)), x, g);
    }
}
