package dev.nca.plugins.loss.fourier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.testkit.LossFunctionContract;
import dev.nca.testkit.NdValues;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code fourier} with {@code phase = true} (complex spectra), unnormalised, mean square. */
class FourierPhaseTest extends LossFunctionContract {

    @Override
    protected LossFunction lossFunction() {
        return new FourierLoss();
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("phase", true, "normalise", false, "reduction", "mean_square");
    }

    @Test
    void orthonormalComplexNormIsTheEuclideanDistance() {
        // Parseval: sum_k |X - Y|^2 = sum (x - y)^2 for the orthonormal DFT; gradient (x - y) / L
        SplittableRandom rng = new SplittableRandom(21);
        Loss loss = FourierTesting.create(Map.of("phase", true), DataType.DOUBLE);
        for (long[] shape : List.of(new long[] {3, 2, 4, 4}, new long[] {2, 3, 5, 5}, new long[] {1, 1, 7, 7})) {
            INDArray x = FourierTesting.uniform(shape, -1, 1, rng);
            INDArray y = FourierTesting.uniform(shape, -1, 1, rng);
            INDArray g = Nd4j.create(DataType.DOUBLE, shape);
            double[] expected = FourierTesting.euclidean(x, y);
            assertThat(loss.evaluate(x, y, g).toDoubleVector()).containsExactly(expected, within(1e-12));
            double[] diff = NdValues.of(x.sub(y));
            double[] grad = NdValues.of(g);
            int perSample = diff.length / expected.length;
            for (int i = 0; i < diff.length; i++) {
                assertThat(grad[i]).isCloseTo(diff[i] / expected[i / perSample], within(1e-12));
            }
        }
    }

    @Test
    void matchesNaiveDftOnRandomInputs() {
        SplittableRandom rng = new SplittableRandom(22);
        Loss loss = createLoss(1, DataType.DOUBLE);
        for (long[] shape : List.of(new long[] {2, 2, 4, 4}, new long[] {1, 2, 6, 6}, new long[] {2, 1, 3, 3})) {
            INDArray x = FourierTesting.uniform(shape, -1, 1, rng);
            INDArray y = FourierTesting.uniform(shape, -1, 1, rng);
            assertThat(loss.evaluate(x, y, null).toDoubleVector())
                    .containsExactly(NaiveSpectralLoss.loss(x, y, true, false, true, 0.0), within(1e-10));
        }
    }
}
