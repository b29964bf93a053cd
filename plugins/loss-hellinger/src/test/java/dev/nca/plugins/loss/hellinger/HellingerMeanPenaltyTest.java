package dev.nca.plugins.loss.hellinger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/** {@code hellinger} with {@code mean_penalty = true}. */
class HellingerMeanPenaltyTest extends HellingerContract {

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("mean_penalty", true);
    }

    @Test
    void handWorkedExample() {
        // channel 0: sqrt(0.1) * (1 + |0 - 6.25|); channel 1: 0; mean over the two channels
        INDArray[] xy = MassLossTesting.handExample();
        Loss loss = MassLossTesting.create(new HellingerLoss(), Map.of("epsilon", 1e-12, "mean_penalty", true));
        assertThat(loss.evaluate(xy[0], xy[1], null).getDouble(0)).isCloseTo(7.25 * Math.sqrt(0.1) / 2, within(1e-9));
    }

    @Test
    void matchesLiteralReference() {
        SplittableRandom rng = new SplittableRandom(4);
        Loss loss = createLoss(1, DataType.DOUBLE);
        INDArray x = MassLossTesting.uniform(new long[] {3, 2, 5, 5}, -1, 1, rng);
        INDArray y = MassLossTesting.uniform(new long[] {3, 2, 5, 5}, -0.5, 1.5, rng);
        assertThat(loss.evaluate(x, y, null).toDoubleVector())
                .containsExactly(MassReference.hellinger(x, y, 1e-6, true), within(1e-12));
    }

    @Test
    void gradientAtZeroPredictionIsThePenaltyTermOnly() {
        // sign(0) = 0 removes the distance term; the mean term stays: -H_c / (C N) per cell. Central
        // differences see a mass of |h| in one cell against eps in the others, so eps must be >> h.
        double eps = 0.1;
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 1, 2, 3, 3);
        INDArray y = MassLossTesting.uniform(x.shape(), 0.1, 1, new SplittableRandom(5));
        Loss loss = MassLossTesting.create(new HellingerLoss(), Map.of("epsilon", eps, "mean_penalty", true));
        INDArray g = Nd4j.create(DataType.DOUBLE, x.shape());
        loss.evaluate(x, y, g);
        GradientChecker.standard().withStep(1e-9).check("hellinger + mean penalty at x = 0",
                GradientChecker.sumOf(p -> loss.evaluate(p, y, null)), x, g);
        for (int c = 0; c < 2; c++) {
            INDArray xc = x.get(NDArrayIndex.all(), NDArrayIndex.interval(c, c + 1)).dup();
            INDArray yc = y.get(NDArrayIndex.all(), NDArrayIndex.interval(c, c + 1)).dup();
            double h = MassReference.hellinger(xc, yc, eps, false)[0];
            for (double v : NdValues.of(g.get(NDArrayIndex.point(0), NDArrayIndex.point(c)))) {
                assertThat(v).isCloseTo(-h / (2 * 9), within(1e-12));
            }
        }
    }
}
