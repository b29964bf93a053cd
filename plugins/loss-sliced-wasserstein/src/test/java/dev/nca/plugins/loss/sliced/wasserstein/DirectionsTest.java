package dev.nca.plugins.loss.sliced.wasserstein;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.RandomSource;
import org.junit.jupiter.api.Test;

class DirectionsTest {

    @Test
    void unitVectorsFixedPerDimensionAndSeed() {
        Directions d = new Directions(new RandomSource(5), 6, false);
        double[] three = d.next(3);
        assertThat(three).hasSize(18);
        for (int k = 0; k < 6; k++) {
            double n = 0;
            for (int i = 0; i < 3; i++) {
                n += three[k * 3 + i] * three[k * 3 + i];
            }
            assertThat(n).isCloseTo(1.0, within(1e-12));
        }
        assertThat(d.next(3)).containsExactly(three);
        assertThat(new Directions(new RandomSource(5), 6, false).next(3)).containsExactly(three);
        assertThat(new Directions(new RandomSource(6), 6, false).next(3)).isNotEqualTo(three);
        assertThat(d.next(4)).hasSize(24);
    }

    @Test
    void perCallDirectionsChangeEveryCall() {
        Directions d = new Directions(new RandomSource(5), 4, true);
        double[] a = d.next(2);
        double[] b = d.next(2);
        assertThat(b).isNotEqualTo(a);
        Directions again = new Directions(new RandomSource(5), 4, true);
        assertThat(again.next(2)).containsExactly(a);
        assertThat(again.next(2)).containsExactly(b);
    }

    @Test
    void ranksOrderValuesWithTiesByIndex() {
        double[] values = {0.5, -2.0, 0.5, -0.0, 0.0, 1e-300, -1e300, 3.0};
        int[] order = new int[values.length];
        new Ranks(values.length).argsort(values, values.length, order);
        assertThat(order).containsExactly(6, 1, 3, 4, 5, 0, 2, 7);
    }

    @Test
    void ranksAgreeWithAStableComparisonSort() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(8);
        Ranks ranks = new Ranks(5000);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rng.nextInt(5000);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                // mixed signs and magnitudes, and repeated values
                values[i] = rng.nextInt(4) == 0 ? values[rng.nextInt(i + 1)]
                        : (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-5, 6));
            }
            Integer[] expected = new Integer[n];
            for (int i = 0; i < n; i++) {
                expected[i] = i;
            }
            java.util.Arrays.sort(expected, java.util.Comparator.comparingDouble(i -> values[i]));
            int[] order = new int[n];
            ranks.argsort(values, n, order);
            for (int r = 0; r < n; r++) {
                assertThat(order[r]).as("rank %d of %d", r, n).isEqualTo(expected[r].intValue());
            }
        }
    }
}
