package dev.nca.runtime.analysis;

import java.util.Arrays;

/**
 * Lloyd's k-means iterations from given centres, accelerated with Hamerly's distance bounds and
 * giving exactly the labels and centroids of the plain algorithm.
 *
 * <p>For every point it keeps an upper bound on the distance to its own centroid and a lower bound on
 * the distance to every other; for every centroid, half the distance to the nearest other one. A point
 * whose upper bound is below the larger of its lower bound and its centroid's half-separation (by a
 * relative margin of {@value #MARGIN}, far above rounding) provably has no other centroid as near, and
 * its distances are not computed; any other point gets a full search over all centroids with the same
 * squared distances (same summation order) as plain Lloyd, ties to the lowest index. After each update
 * the bounds are widened by how far the centroids moved. Most points stop needing a search after a few
 * iterations, so long convergence tails cost little.
 *
 * <p>Points are flat row-major {@code [n * d]} and not modified. Not thread-safe.
 */
final class Lloyd {

    static final double MARGIN = 1e-9;

    private final double[] points;
    private final int n;
    private final int d;
    private final int k;
    private final double[] centroids;
    private final double[] previous;
    private final int[] labels;
    private final double[] upper;
    private final double[] lower;

    /**
     * @param points    flat points {@code [n * d]}
     * @param n         the number of points
     * @param d         the dimension
     * @param centroids the starting centres, flat {@code [k * d]}, k >= 1; copied
     */
    Lloyd(double[] points, int n, int d, double[] centroids) {
        this.points = points;
        this.n = n;
        this.d = d;
        this.k = centroids.length / d;
        this.centroids = centroids.clone();
        this.previous = new double[centroids.length];
        this.labels = new int[n];
        this.upper = new double[n];
        this.lower = new double[n];
        Arrays.fill(labels, -1);
    }

    /**
     * Assigns every point to its nearest centroid (ties to the lowest index).
     *
     * @return how many labels changed (all of them on the first call)
     */
    int assign() {
        double[] half = halfSeparations();
        int changed = 0;
        for (int i = 0; i < n; i++) {
            int own = labels[i];
            if (own >= 0) {
                double bound = Math.max(half[own], lower[i]) * (1 - MARGIN);
                if (upper[i] < bound) {
                    continue;
                }
                upper[i] = Math.sqrt(KMeans.squaredDistance(points, i * d, centroids, own * d, d));
                if (upper[i] < bound) {
                    continue;
                }
            }
            int best = 0;
            double first = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double dj = KMeans.squaredDistance(points, i * d, centroids, j * d, d);
                if (dj < first) {
                    second = first;
                    first = dj;
                    best = j;
                } else if (dj < second) {
                    second = dj;
                }
            }
            if (best != own) {
                labels[i] = best;
                changed++;
            }
            upper[i] = Math.sqrt(first);
            lower[i] = Math.sqrt(second);
        }
        return changed;
    }

    /**
     * Moves every centroid to the mean of its points. A cluster left empty first takes the point farthest
     * from its own centroid among clusters of two or more points (if any point is not on its centroid).
     */
    void update() {
        int[] sizes = new int[k];
        for (int i = 0; i < n; i++) {
            sizes[labels[i]]++;
        }
        relocateIntoEmptyClusters(sizes);
        System.arraycopy(centroids, 0, previous, 0, centroids.length);
        double[] sums = new double[k * d];
        for (int i = 0; i < n; i++) {
            int base = labels[i] * d;
            for (int c = 0; c < d; c++) {
                sums[base + c] += points[i * d + c];
            }
        }
        for (int j = 0; j < k; j++) {
            if (sizes[j] > 0) {
                for (int c = 0; c < d; c++) {
                    centroids[j * d + c] = sums[j * d + c] / sizes[j];
                }
            }
        }
        widenBounds();
    }

    private void relocateIntoEmptyClusters(int[] sizes) {
        double[] exact = null;
        for (int j = 0; j < k; j++) {
            if (sizes[j] > 0) {
                continue;
            }
            if (exact == null) {
                exact = new double[n];
                for (int i = 0; i < n; i++) {
                    exact[i] = KMeans.squaredDistance(points, i * d, centroids, labels[i] * d, d);
                }
            }
            int far = -1;
            for (int i = 0; i < n; i++) {
                if (sizes[labels[i]] > 1 && exact[i] > 0 && (far < 0 || exact[i] > exact[far])) {
                    far = i;
                }
            }
            if (far >= 0) {
                sizes[labels[far]]--;
                labels[far] = j;
                sizes[j] = 1;
                exact[far] = 0;
                upper[far] = Double.POSITIVE_INFINITY;   // its centroid is new: search it again
                lower[far] = 0;
            }
        }
    }

    /** After centroids moved by p(j): upper bounds grow by p(own), lower bounds shrink by max p(other). */
    private void widenBounds() {
        double[] moved = new double[k];
        int fastest = 0;
        for (int j = 0; j < k; j++) {
            moved[j] = Math.sqrt(KMeans.squaredDistance(centroids, j * d, previous, j * d, d));
            fastest = moved[j] > moved[fastest] ? j : fastest;
        }
        double secondFastest = 0;
        for (int j = 0; j < k; j++) {
            if (j != fastest) {
                secondFastest = Math.max(secondFastest, moved[j]);
            }
        }
        for (int i = 0; i < n; i++) {
            upper[i] += moved[labels[i]];
            lower[i] -= labels[i] == fastest ? secondFastest : moved[fastest];
        }
    }

    /** Half the distance from each centroid to the nearest other one (infinite when k = 1). */
    private double[] halfSeparations() {
        double[] half = new double[k];
        Arrays.fill(half, Double.POSITIVE_INFINITY);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double h = 0.5 * Math.sqrt(KMeans.squaredDistance(centroids, a * d, centroids, b * d, d));
                half[a] = Math.min(half[a], h);
                half[b] = Math.min(half[b], h);
            }
        }
        return half;
    }

    /** The sum over points of the squared distance to their centroid. */
    double inertia() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += KMeans.squaredDistance(points, i * d, centroids, labels[i] * d, d);
        }
        return sum;
    }

    /** The current centroids, flat {@code [k * d]}; a copy. */
    double[] centroids() {
        return centroids.clone();
    }

    /** The current labels; a copy. */
    int[] labels() {
        return labels.clone();
    }
}
