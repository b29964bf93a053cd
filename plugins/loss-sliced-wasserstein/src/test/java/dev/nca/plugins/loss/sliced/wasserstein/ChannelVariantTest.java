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
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@code sliced-wasserstein} with default parameters (variant channel, 32 fixed projections). */
class ChannelVariantTest extends SlicedContract {

    @Test
    void handWorkedOneChannel() {
        // C = 1: directions are +1 or -1, so the loss is W2^2 of the pixel-value distributions.
        // x = (0, 1, 2, 3) vs y = (4, 1, 3, 2): sorted (0..3) vs (1..4), every difference 1 -> 1
        // x vs (3, 0, 2, 1), a rearrangement of x: 0
        Loss loss = createLoss(1, DataType.DOUBLE);
        double[] x = {0, 1, 2, 3};
        assertThat(loss.evaluate(SlicedTesting.array(x, 1, 1, 2, 2),
                SlicedTesting.array(new double[] {4, 1, 3, 2}, 1, 1, 2, 2), null).getDouble(0)).isCloseTo(1.0, within(1e-15));
        assertThat(loss.evaluate(SlicedTesting.array(x, 1, 1, 2, 2),
                SlicedTesting.array(new double[] {3, 0, 2, 1}, 1, 1, 2, 2), null).getDouble(0)).isEqualTo(0.0);
    }

    @Test
    void sortedMatchingEqualsBestOfAllMatchingsWithItsGradient() {
        // 2 channels on a 2x2 lattice: 4 points per cloud, all 24 matchings tried per direction
        double[][] dirs = {SlicedTesting.unit(3, 4), SlicedTesting.unit(1, 0), SlicedTesting.unit(-4, 3)};
        double[] theta = SlicedTesting.concat(dirs);
        SplittableRandom rng = new SplittableRandom(31);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = SlicedTesting.uniform(8, rng);
            double[] y = SlicedTesting.uniform(8, rng);
            double[] gradient = new double[8];
            double value = new ChannelSlicing().sample(x, y, 0, 2, 4, theta, 3, gradient);
            double expected = 0;
            double[] expectedGradient = new double[8];
            for (double[] d : dirs) {
                double[] u = new double[4];
                double[] v = new double[4];
                for (int i = 0; i < 4; i++) {
                    u[i] = d[0] * x[i] + d[1] * x[4 + i];
                    v[i] = d[0] * y[i] + d[1] * y[4 + i];
                }
                BruteForce.Matching m = BruteForce.w2(u, v);
                expected += m.cost() / 3;
                for (int i = 0; i < 4; i++) {
                    double r = 2 * (u[i] - v[m.sigma()[i]]) / (3 * 4);
                    expectedGradient[i] += r * d[0];
                    expectedGradient[4 + i] += r * d[1];
                }
            }
            assertThat(value).isCloseTo(expected, within(1e-14));
            assertThat(gradient).containsExactly(expectedGradient, within(1e-14));
        }
    }

    @Test
    void ignoresWhereCellsAreButNotWhatTheyHold() {
        SplittableRandom rng = new SplittableRandom(32);
        double[] x = SlicedTesting.uniform(3 * 16, rng);
        // the same cells in another order (a cyclic shift of cell indices, identical in every channel)
        double[] moved = new double[x.length];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 16; i++) {
                moved[c * 16 + (i + 5) % 16] = x[c * 16 + i];
            }
        }
        Loss loss = createLoss(1, DataType.DOUBLE);
        assertThat(loss.evaluate(SlicedTesting.array(x, 1, 3, 4, 4), SlicedTesting.array(moved, 1, 3, 4, 4), null)
                .getDouble(0)).isCloseTo(0.0, within(1e-28));
        // shifting every cell by t in channel space: (1/n) sum_k (theta_k . t)^2 -> |t|^2 / C for many directions
        double[] t = {0.3, -0.4, 1.2};
        double[] shifted = x.clone();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 16; i++) {
                shifted[c * 16 + i] += t[c];
            }
        }
        Loss many = SlicedTesting.create(Map.of("projections", 4096L), 2);
        double value = many.evaluate(SlicedTesting.array(x, 1, 3, 4, 4), SlicedTesting.array(shifted, 1, 3, 4, 4), null)
                .getDouble(0);
        assertThat(value).isCloseTo((0.09 + 0.16 + 1.44) / 3, within(0.05 * 1.69 / 3));
    }

    @Test
    void stridedViewsGiveTheSameValuesAsCopies() {
        SplittableRandom rng = new SplittableRandom(33);
        INDArray big = SlicedTesting.array(SlicedTesting.uniform(2 * 4 * 25, rng), 2, 4, 5, 5);
        INDArray view = big.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3));
        INDArray y = SlicedTesting.array(SlicedTesting.uniform(2 * 2 * 25, rng), 2, 2, 5, 5);
        Loss loss = createLoss(1, DataType.DOUBLE);
        INDArray g1 = Nd4j.create(DataType.DOUBLE, 2, 2, 5, 5);
        INDArray g2 = Nd4j.create(DataType.DOUBLE, 2, 2, 5, 5);
        assertThat(loss.evaluate(view, y, g1).toDoubleVector())
                .containsExactly(loss.evaluate(view.dup(), y, g2).toDoubleVector());
        assertThat(NdValues.of(g1)).containsExactly(NdValues.of(g2));
    }
}
