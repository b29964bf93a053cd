package dev.nca.plugins.loss.sliced.wasserstein;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Loss;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code sliced-wasserstein} with {@code variant = "spatial"}: channel images as points. */
class SpatialVariantTest extends SlicedContract {

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("variant", "spatial", "projections", 16L);
    }

    @Test
    void sortedMatchingEqualsBestOfAllMatchingsWithItsGradient() {
        // 3 channels (points) on a 2x2 lattice (directions in R^4): all 6 matchings per direction
        double[][] dirs = {SlicedTesting.unit(1, 2, -1, 0.5), SlicedTesting.unit(0, 0, 1, 0), SlicedTesting.unit(-3, 1, 1, 2)};
        double[] theta = SlicedTesting.concat(dirs);
        SplittableRandom rng = new SplittableRandom(41);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = SlicedTesting.uniform(12, rng);
            double[] y = SlicedTesting.uniform(12, rng);
            double[] gradient = new double[12];
            double value = new SpatialSlicing().sample(x, y, 0, 3, 4, theta, 3, gradient);
            double expected = 0;
            double[] expectedGradient = new double[12];
            for (double[] d : dirs) {
                double[] u = new double[3];
                double[] v = new double[3];
                for (int c = 0; c < 3; c++) {
                    for (int i = 0; i < 4; i++) {
                        u[c] += d[i] * x[c * 4 + i];
                        v[c] += d[i] * y[c * 4 + i];
                    }
                }
                BruteForce.Matching m = BruteForce.w2(u, v);
                expected += m.cost() / 3;
                for (int c = 0; c < 3; c++) {
                    double r = 2 * (u[c] - v[m.sigma()[c]]) / (3 * 3);
                    for (int i = 0; i < 4; i++) {
                        expectedGradient[c * 4 + i] += r * d[i];
                    }
                }
            }
            assertThat(value).isCloseTo(expected, within(1e-14));
            assertThat(gradient).containsExactly(expectedGradient, within(1e-14));
        }
    }

    @Test
    void oneChannelIsASketchOfTheMeanSquaredError() {
        // E (theta . d)^2 = |d|^2 / N for theta uniform on the unit sphere of R^N
        SplittableRandom rng = new SplittableRandom(42);
        double[] x = SlicedTesting.uniform(25, rng);
        double[] y = SlicedTesting.uniform(25, rng);
        Loss loss = SlicedTesting.create(Map.of("variant", "spatial", "projections", 4096L), 3);
        double value = loss.evaluate(SlicedTesting.array(x, 1, 1, 5, 5), SlicedTesting.array(y, 1, 1, 5, 5), null)
                .getDouble(0);
        double mse = SlicedTesting.squaredDistance(x, y) / 25;
        assertThat(value).isCloseTo(mse, within(0.1 * mse));
    }

    @Test
    void swappedChannelsAreAtDistanceZero() {
        SplittableRandom rng = new SplittableRandom(43);
        double[] x = SlicedTesting.uniform(2 * 9, rng);
        double[] swapped = new double[18];
        System.arraycopy(x, 9, swapped, 0, 9);
        System.arraycopy(x, 0, swapped, 9, 9);
        Loss loss = createLoss(1, DataType.DOUBLE);
        assertThat(loss.evaluate(SlicedTesting.array(x, 1, 2, 3, 3), SlicedTesting.array(swapped, 1, 2, 3, 3), null)
                .getDouble(0)).isEqualTo(0.0);
    }
}
