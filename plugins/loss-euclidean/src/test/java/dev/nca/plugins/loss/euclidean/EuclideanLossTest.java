package dev.nca.plugins.loss.euclidean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.LossFunction;
import dev.nca.testkit.LossFunctionContract;
import dev.nca.testkit.NdValues;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EuclideanLossTest extends LossFunctionContract {

    @Override
    protected LossFunction lossFunction() {
        return new EuclideanLoss();
    }

    private static INDArray array(double[] values, long... shape) {
        return Nd4j.create(values, shape, DataType.DOUBLE);
    }

    @Test
    void handCalculatedValuesAndGradients() {
        // sample 0: differences (3, 0, 0, 4): L = 5, gradient (0.6, 0, 0, 0.8)
        // sample 1: identical: L = 0, gradient 0
        INDArray x = array(new double[] {3, 0, 0, 4, 1, 1, 1, 1}, 2, 1, 2, 2);
        INDArray y = array(new double[] {0, 0, 0, 0, 1, 1, 1, 1}, 2, 1, 2, 2);
        INDArray g = Nd4j.valueArrayOf(x.shape(), 9.0, DataType.DOUBLE);
        double[] loss = createLoss(1, DataType.DOUBLE).evaluate(x, y, g).toDoubleVector();
        assertThat(loss).containsExactly(new double[] {5.0, 0.0}, within(1e-12));
        assertThat(NdValues.of(g)).containsExactly(new double[] {0.6, 0, 0, 0.8, 0, 0, 0, 0}, within(1e-12));
    }

    @Test
    void sumsOverChannelsAndNegativeDifferences() {
        // differences (2, -4) across two channels: L = sqrt(20), gradient (2, -4) / sqrt(20)
        INDArray x = array(new double[] {1, -2}, 1, 2, 1, 1);
        INDArray y = array(new double[] {-1, 2}, 1, 2, 1, 1);
        INDArray g = Nd4j.create(DataType.DOUBLE, 1, 2, 1, 1);
        double[] loss = createLoss(1, DataType.DOUBLE).evaluate(x, y, g).toDoubleVector();
        assertThat(loss[0]).isCloseTo(Math.sqrt(20), within(1e-12));
        assertThat(NdValues.of(g)).containsExactly(new double[] {2 / Math.sqrt(20), -4 / Math.sqrt(20)},
                within(1e-12));
    }

    @Test
    void rejectsMismatchedShapes() {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 2, 1, 3, 3);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 2, 1, 4, 4);
        assertThatThrownBy(() -> createLoss(1, DataType.DOUBLE).evaluate(x, y, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 1, 3, 3]");
    }
}
