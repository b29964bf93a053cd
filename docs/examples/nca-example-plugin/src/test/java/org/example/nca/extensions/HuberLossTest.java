package org.example.nca.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.ExtensionContext;
import dev.nca.api.InvalidParameterException;
import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.testkit.LossFunctionContract;
import dev.nca.testkit.NdValues;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The loss contract (gradient against finite differences, per-sample shape and type, inputs
 * untouched, L(x, x) = 0, symmetry, float32 vs float64) with {@code delta = 0.5}, so that the
 * contract's differences in [-2, 2] exercise both branches; plus values worked out by hand and
 * the parameter checks.
 */
class HuberLossTest extends LossFunctionContract {

    @Override
    protected LossFunction lossFunction() {
        return new HuberLoss();
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("delta", 0.5);
    }

    /** Validates raw recipe values as the host does, then creates the loss. */
    private static Loss create(Map<String, Object> raw) {
        HuberLoss huber = new HuberLoss();
        Params params = Params.validate(huber.parameters(), raw, "test.toml [training.loss_params]");
        return huber.create(params, new ExtensionContext(new RandomSource(1), DataType.DOUBLE));
    }

    @Test
    void valuesWorkedOutByHand() {
        // delta = 1, two samples of 1 channel x 2 x 2 (N = 4)
        // sample 0: d = (0.5, -2, 3, 0): h = 0.125, 1 * (2 - 0.5) = 1.5, 3 - 0.5 = 2.5, 0
        //           L = 4.125 / 4 = 1.03125; gradient clip(d, -1, 1) / 4 = (0.125, -0.25, 0.25, 0)
        // sample 1: d = (0.2, 0.2, -0.2, 0), all quadratic: h = 0.02 each, L = 0.06 / 4 = 0.015;
        //           gradient d / 4 = (0.05, 0.05, -0.05, 0)
        INDArray prediction = Nd4j.create(new double[] {0.5, -2, 3, 1, 0.7, 0.7, 0.3, 0.5},
                new long[] {2, 1, 2, 2}, DataType.DOUBLE);
        INDArray target = Nd4j.create(new double[] {0, 0, 0, 1, 0.5, 0.5, 0.5, 0.5},
                new long[] {2, 1, 2, 2}, DataType.DOUBLE);
        INDArray gradient = Nd4j.create(DataType.DOUBLE, 2, 1, 2, 2);

        INDArray loss = create(Map.of("delta", 1.0)).evaluate(prediction, target, gradient);

        assertThat(loss.toDoubleVector()).containsExactly(new double[] {1.03125, 0.015}, within(1e-12));
        assertThat(NdValues.of(gradient)).containsExactly(
                new double[] {0.125, -0.25, 0.25, 0, 0.05, 0.05, -0.05, 0}, within(1e-12));
    }

    @Test
    void deltaMustBePositive() {
        assertThatThrownBy(() -> create(Map.of("delta", 0.0)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("test.toml [training.loss_params]")
                .hasMessageContaining("'delta' has value 0.0")
                .hasMessageContaining("> 0");
        assertThatThrownBy(() -> create(Map.of("delta", -1.0)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'delta' has value -1.0");
    }
}
