package dev.nca.plugins.loss.hellinger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.testkit.LossFunctionContract;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code bhattacharyya} with {@code mean_penalty = true} and a larger epsilon. */
class BhattacharyyaMeanPenaltyTest extends LossFunctionContract {

    @Override
    protected LossFunction lossFunction() {
        return new BhattacharyyaLoss();
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("mean_penalty", true, "epsilon", 0.05);
    }

    @Test
    void handWorkedExample() {
        INDArray[] xy = MassLossTesting.handExample();
        Loss loss = MassLossTesting.create(new BhattacharyyaLoss(), Map.of("epsilon", 1e-12, "mean_penalty", true));
        assertThat(loss.evaluate(xy[0], xy[1], null).getDouble(0)).isCloseTo(-7.25 * Math.log(0.9) / 2, within(1e-9));
    }

    @Test
    void matchesLiteralReference() {
        SplittableRandom rng = new SplittableRandom(9);
        INDArray x = MassLossTesting.uniform(new long[] {3, 2, 5, 5}, -1, 1, rng);
        INDArray y = MassLossTesting.uniform(new long[] {3, 2, 5, 5}, -0.5, 1.5, rng);
        assertThat(createLoss(1, DataType.DOUBLE).evaluate(x, y, null).toDoubleVector())
                .containsExactly(MassReference.bhattacharyya(x, y, 0.05, true), within(1e-12));
    }
}
