package dev.nca.runtime.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bound-accelerated iterations against a plain Lloyd written here, step by step. */
class LloydTest {

    @Test
    void matchesPlainLloydExactlyAtEveryIteration() {
        int n = 3000;
        int d = 4;
        int k = 12;
        SplittableRandom random = new SplittableRandom(17);
        double[] points = new double[n * d];
        for (int i = 0; i < n * d; i++) {
            points[i] = (i / d % 3) + random.nextGaussian();      // three overlapping clouds: many near-ties
        }
        double[] start = new double[k * d];
        System.arraycopy(points, 0, start, 0, k * d);             // the first k points as centres

        Lloyd fast = new Lloyd(points, n, d, start);
        double[] centres = start.clone();
        int[] labels = new int[n];
        int fastChanged = fast.assign();
        int plainChanged = plainAssign(points, d, centres, labels, true);
        assertThat(fastChanged).isEqualTo(plainChanged).isEqualTo(n);
        for (int iteration = 1; iteration <= 40; iteration++) {
            fast.update();
            plainUpdate(points, d, centres, labels);
            fastChanged = fast.assign();
            plainChanged = plainAssign(points, d, centres, labels, false);

            assertThat(fast.labels()).as("labels after iteration %d", iteration).containsExactly(labels);
            assertThat(fast.centroids()).as("centroids after iteration %d", iteration).containsExactly(centres);
            assertThat(fastChanged).isEqualTo(plainChanged);
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += squared(points, i * d, centres, labels[i] * d, d);
        }
        assertThat(fast.inertia()).isEqualTo(inertia);
    }

    @Test
    void reseedsAnEmptiedClusterWithTheFarthestPoint() {
        // centre 1 at 100 is nobody's nearest: it must take the point farthest from its centroid (x = 9)
        double[] points = {0, 1, 2, 9};
        Lloyd lloyd = new Lloyd(points, 4, 1, new double[] {0, 100});

        lloyd.assign();
        lloyd.update();
        lloyd.assign();

        assertThat(lloyd.labels()).containsExactly(0, 0, 0, 1);
        assertThat(lloyd.centroids()).containsExactly(1.0, 9.0);
    }

    private static int plainAssign(double[] points, int d, double[] centres, int[] labels, boolean first) {
        int k = centres.length / d;
        int changed = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            double bestDist = squared(points, i * d, centres, 0, d);
            for (int j = 1; j < k; j++) {
                double dj = squared(points, i * d, centres, j * d, d);
                if (dj < bestDist) {
                    bestDist = dj;
                    best = j;
                }
            }
            if (first || labels[i] != best) {
                changed++;
            }
            labels[i] = best;
        }
        return changed;
    }

    private static void plainUpdate(double[] points, int d, double[] centres, int[] labels) {
        int k = centres.length / d;
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        double[] dist = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            dist[i] = squared(points, i * d, centres, labels[i] * d, d);
        }
        for (int j = 0; j < k; j++) {
            if (sizes[j] == 0) {
                int far = -1;
                for (int i = 0; i < labels.length; i++) {
                    if (sizes[labels[i]] > 1 && dist[i] > 0 && (far < 0 || dist[i] > dist[far])) {
                        far = i;
                    }
                }
                sizes[labels[far]]--;
                labels[far] = j;
                sizes[j] = 1;
                dist[far] = 0;
            }
        }
        double[] sums = new double[centres.length];
        for (int i = 0; i < labels.length; i++) {
            for (int c = 0; c < d; c++) {
                sums[labels[i] * d + c] += points[i * d + c];
            }
        }
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < d; c++) {
                centres[j * d + c] = sums[j * d + c] / sizes[j];
            }
        }
    }

    private static double squared(double[] a, int ao, double[] b, int bo, int d) {
        double sum = 0;
        for (int c = 0; c < d; c++) {
            double diff = a[ao + c] - b[bo + c];
            sum += diff * diff;
        }
        return sum;
    }
}
