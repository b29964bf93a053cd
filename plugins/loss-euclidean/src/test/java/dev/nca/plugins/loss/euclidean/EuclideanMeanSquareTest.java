package dev.nca.plugins.loss.euclidean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.LossFunction;
import dev.nca.testkit.LossFunctionContract;
import dev.nca.testkit.NdValues;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code euclidean} with {@code reduction = "mean_square"}. */
class EuclideanMeanSquareTest extends LossFunctionContract {

    @Override
    protected LossFunction lossFunction() {
        return new EuclideanLoss();
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("reduction", "mean_square");
    }

    @Test
    void handCalculatedValuesAndGradients() {
        // sample 0: differences (3, 0, 0, 4): (9 + 16) / 4 = 6.25, gradient 2 d / 4 = (1.5, 0, 0, 2)
        // sample 1: differences (-1, 1, 0, 2): (1 + 1 + 4) / 4 = 1.5, gradient (-0.5, 0.5, 0, 1)
        INDArray x = Nd4j.create(new double[] {3, 0, 0, 4, 0, 1, 2, 2}, new long[] {2, 1, 2, 2}, DataType.DOUBLE);
        INDArray y = Nd4j.create(new double[] {0, 0, 0, 0, 1, 0, 2, 0}, new long[] {2, 1, 2, 2}, DataType.DOUBLE);
        INDArray g = Nd4j.create(DataType.DOUBLE, 2, 1, 2, 2);
        double[] loss = createLoss(1, DataType.DOUBLE).evaluate(x, y, g).toDoubleVector();
        assertThat(loss).containsExactly(new double[] {6.25, 1.5}, within(1e-12));
        assertThat(NdValues.of(g)).containsExactly(new double[] {1.5, 0, 0, 2, -0.5, 0.5, 0, 1}, within(1e-12));
    }
}
