package dev.nca.runtime.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTest {

    private final KMeans kMeans = new KMeans(KMeans.DEFAULT_MAX_ITERATIONS, 1);

    @Test
    void recoversThreeSeparatedBlobsUpToLabelPermutation() {
        Blobs blobs = Blobs.of(3, 40, 11);

        KMeansResult result = kMeans.fit(blobs.points, 3, new SplittableRandom(5));

        assertThat(result.k()).isEqualTo(3);
        assertThat(result.converged()).isTrue();
        Map<Integer, Integer> labelOfBlob = new HashMap<>();
        for (int i = 0; i < blobs.points.length; i++) {
            Integer previous = labelOfBlob.putIfAbsent(blobs.truth[i], result.assignment(i));
            if (previous != null) {
                assertThat(result.assignment(i)).as("label of point %d", i).isEqualTo(previous);
            }
        }
        assertThat(labelOfBlob.values()).containsExactlyInAnyOrder(0, 1, 2);
        double[][] means = blobs.means(3);
        for (int blob = 0; blob < 3; blob++) {
            double[] centroid = result.centroid(labelOfBlob.get(blob));
            assertThat(centroid[0]).isCloseTo(means[blob][0], within(1e-12));
            assertThat(centroid[1]).isCloseTo(means[blob][1], within(1e-12));
        }
        assertThat(result.inertia()).isCloseTo(blobs.inertiaAroundMeans(3), within(1e-9));
        assertThat(result.sizes()).containsExactly(40, 40, 40);
    }

    @Test
    void isDeterministicGivenTheSeedAndAgreesBetweenRowAndFlatInput() {
        Blobs blobs = Blobs.of(3, 25, 2);
        KMeans restarting = new KMeans(50, 3);

        KMeansResult a = restarting.fit(blobs.points, 5, new SplittableRandom(99));
        KMeansResult b = restarting.fit(blobs.points, 5, new SplittableRandom(99));
        KMeansResult flat = restarting.fit(blobs.flat(), blobs.points.length, 2, 5, new SplittableRandom(99));

        assertThat(b.assignments()).containsExactly(a.assignments());
        assertThat(b.centroids()).isDeepEqualTo(a.centroids());
        assertThat(b.inertia()).isEqualTo(a.inertia());
        assertThat(flat.assignments()).containsExactly(a.assignments());
        assertThat(flat.inertia()).isEqualTo(a.inertia());
    }

    @Test
    void everyPointGoesToItsNearestCentroidWhichIsTheMeanOfItsCluster() {
        // clumped 3-d points clustered into more groups than clumps: empty clusters must be re-seeded
        SplittableRandom data = new SplittableRandom(7);
        int n = 200;
        int d = 3;
        double[][] points = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                points[i][c] = (i % 4) * 3.0 + data.nextGaussian();
            }
        }
        for (long seed = 0; seed < 10; seed++) {
            KMeansResult result = kMeans.fit(points, 9, new SplittableRandom(seed));
            double[][] centroids = result.centroids();
            double[][] sums = new double[9][d];
            long[] sizes = result.sizes();
            double inertia = 0;
            for (int i = 0; i < n; i++) {
                int label = result.assignment(i);
                double own = squared(points[i], centroids[label]);
                for (double[] other : centroids) {
                    assertThat(own).isLessThanOrEqualTo(squared(points[i], other));
                }
                inertia += own;
                for (int c = 0; c < d; c++) {
                    sums[label][c] += points[i][c];
                }
            }
            assertThat(result.converged()).isTrue();
            assertThat(result.inertia()).isCloseTo(inertia, within(1e-9 * inertia));
            for (int j = 0; j < 9; j++) {
                assertThat(sizes[j]).as("size of cluster %d, seed %d", j, seed).isPositive();
                for (int c = 0; c < d; c++) {
                    assertThat(centroids[j][c]).isCloseTo(sums[j][c] / sizes[j], within(1e-9));
                }
            }
        }
    }

    @Test
    void givesOneClusterPerDistinctPointWhenKExceedsThem() {
        double[][] points = {{1, 1}, {1, 1}, {4, 0}, {1, 1}, {4, 0}};

        KMeansResult result = kMeans.fit(points, 5, new SplittableRandom(3));

        assertThat(result.k()).isEqualTo(2);
        assertThat(result.inertia()).isZero();
        assertThat(result.assignment(0)).isEqualTo(result.assignment(1)).isEqualTo(result.assignment(3));
        assertThat(result.assignment(2)).isEqualTo(result.assignment(4)).isNotEqualTo(result.assignment(0));
        assertThat(result.sizes()).containsExactlyInAnyOrder(3L, 2L);
    }

    @Test
    void kEqualToTheNumberOfDistinctPointsSeparatesThemAll() {
        double[][] points = {{0}, {1}, {2}, {3}, {4}, {5}};

        KMeansResult result = kMeans.fit(points, 6, new SplittableRandom(1));

        assertThat(result.k()).isEqualTo(6);
        assertThat(result.inertia()).isZero();
        assertThat(result.sizes()).containsOnly(1L);
    }

    @Test
    void oneClusterIsTheMean() {
        double[][] points = {{0, 2}, {2, 2}, {4, 8}};

        KMeansResult result = kMeans.fit(points, 1, new SplittableRandom(1));

        assertThat(result.centroid(0)).containsExactly(2.0, 4.0);
        assertThat(result.inertia()).isCloseTo(4 + 4 + 4 + 4 + 0 + 16, within(1e-12));
    }

    @Test
    void stopsAtTheIterationCap() {
        Blobs blobs = Blobs.of(3, 30, 4);

        KMeansResult result = new KMeans(1, 1).fit(blobs.points, 7, new SplittableRandom(8));

        assertThat(result.iterations()).isEqualTo(1);
    }

    @Test
    void rejectsBadInput() {
        SplittableRandom random = new SplittableRandom(1);
        assertThatThrownBy(() -> kMeans.fit(new double[][] {{0, Double.NaN}}, 1, random))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coordinate 1 of point 0");
        assertThatThrownBy(() -> kMeans.fit(new double[][] {{0, 1}, {2}}, 1, random))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point 1 has 1 coordinates");
        assertThatThrownBy(() -> kMeans.fit(new double[][] {{0}}, 0, random))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be >= 1");
        assertThatThrownBy(() -> kMeans.fit(new double[][] {}, 1, random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KMeans(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KMeans(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double squared(double[] a, double[] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            sum += (a[c] - b[c]) * (a[c] - b[c]);
        }
        return sum;
    }
}
