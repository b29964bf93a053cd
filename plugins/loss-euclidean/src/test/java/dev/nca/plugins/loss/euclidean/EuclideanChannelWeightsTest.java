package dev.nca.plugins.loss.euclidean;

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
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code euclidean} with {@code channel_weights = [0.5, 2.0]}: every shape has two channels. */
class EuclideanChannelWeightsTest extends LossFunctionContract {

    @Override
    protected LossFunction lossFunction() {
        return new EuclideanLoss();
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("channel_weights", List.of(0.5, 2.0));
    }

    @Override
    protected List<long[]> shapes() {
        return List.of(new long[] {2, 2, 4, 4}, new long[] {3, 2, 5, 5}, new long[] {1, 2, 3, 3});
    }

    private static Loss create(Map<String, Object> raw) {
        Params p = Params.validate(new EuclideanLoss().parameters(), raw, "test.toml [training.loss_params]");
        return new EuclideanLoss().create(p, new ExtensionContext(new RandomSource(1), DataType.DOUBLE));
    }

    @Test
    void handCalculatedWeightedNorm() {
        // one sample, channel 0 differences (3, 4) weight 0.5, channel 1 differences (1, -2) weight 2:
        // L^2 = 0.5 * 25 + 2 * 5 = 22.5; gradient w_c d / L
        INDArray x = Nd4j.create(new double[] {3, 4, 1, -2}, new long[] {1, 2, 1, 2}, DataType.DOUBLE);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 1, 2, 1, 2);
        INDArray g = Nd4j.create(DataType.DOUBLE, 1, 2, 1, 2);
        double loss = createLoss(1, DataType.DOUBLE).evaluate(x, y, g).getDouble(0);
        double l = Math.sqrt(22.5);
        assertThat(loss).isCloseTo(l, within(1e-12));
        assertThat(NdValues.of(g)).containsExactly(new double[] {1.5 / l, 2 / l, 2 / l, -4 / l}, within(1e-12));
    }

    @Test
    void handCalculatedWeightedMeanSquare() {
        // same differences, N = 4 entries: (12.5 + 10) / 4 = 5.625; gradient 2 w_c d / 4
        Loss loss = create(Map.of("reduction", "mean_square", "channel_weights", List.of(0.5, 2.0)));
        INDArray x = Nd4j.create(new double[] {3, 4, 1, -2}, new long[] {1, 2, 1, 2}, DataType.DOUBLE);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 1, 2, 1, 2);
        INDArray g = Nd4j.create(DataType.DOUBLE, 1, 2, 1, 2);
        assertThat(loss.evaluate(x, y, g).getDouble(0)).isCloseTo(5.625, within(1e-12));
        assertThat(NdValues.of(g)).containsExactly(new double[] {0.75, 1.0, 1.0, -2.0}, within(1e-12));
    }

    @Test
    void unitWeightsEqualNoWeights() {
        SplittableRandom rng = new SplittableRandom(3);
        INDArray x = random(new long[] {3, 3, 4, 4}, rng);
        INDArray y = random(new long[] {3, 3, 4, 4}, rng);
        for (String reduction : List.of("norm", "mean_square")) {
            INDArray g1 = Nd4j.create(DataType.DOUBLE, x.shape());
            INDArray g2 = Nd4j.create(DataType.DOUBLE, x.shape());
            double[] plain = create(Map.of("reduction", reduction)).evaluate(x, y, g1).toDoubleVector();
            double[] ones = create(Map.of("reduction", reduction, "channel_weights", List.of(1.0, 1.0, 1.0)))
                    .evaluate(x, y, g2).toDoubleVector();
            assertThat(ones).containsExactly(plain, within(1e-12));
            assertThat(NdValues.of(g2)).containsExactly(NdValues.of(g1), within(1e-12));
        }
    }

    @Test
    void zeroWeightIgnoresThatChannel() {
        INDArray x = Nd4j.create(new double[] {5, -7, 3, 4}, new long[] {1, 2, 1, 2}, DataType.DOUBLE);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 1, 2, 1, 2);
        INDArray g = Nd4j.create(DataType.DOUBLE, 1, 2, 1, 2);
        double loss = create(Map.of("channel_weights", List.of(0.0, 1.0))).evaluate(x, y, g).getDouble(0);
        assertThat(loss).isCloseTo(5.0, within(1e-12));
        assertThat(NdValues.of(g)).containsExactly(new double[] {0, 0, 0.6, 0.8}, within(1e-12));
    }

    @Test
    void wrongNumberOfWeightsNamesKeyLengthAndChannels() {
        Loss loss = create(Map.of("channel_weights", List.of(1.0, 2.0, 3.0)));
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 2, 2, 3, 3);
        assertThatThrownBy(() -> loss.evaluate(x, x, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("test.toml [training.loss_params]")
                .hasMessageContaining("'channel_weights'")
                .hasMessageContaining("[1.0, 2.0, 3.0]")
                .hasMessageContaining("C_obs = 2")
                .hasMessageContaining("3 weights");
    }

    @Test
    void rejectsNegativeAndAllZeroWeights() {
        assertThatThrownBy(() -> create(Map.of("channel_weights", List.of(1.0, -0.5))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("channel_weights");
        assertThatThrownBy(() -> create(Map.of("channel_weights", List.of(0.0, 0.0))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("channel_weights").hasMessageContaining("at least one");
    }
}
