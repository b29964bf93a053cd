package dev.nca.runtime.analysis;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * k-means clustering of points in R^d: k-means++ seeding followed by Lloyd iterations, in double
 * precision, minimising the inertia (the sum over points of the squared Euclidean distance to the
 * centroid of their cluster).
 *
 * <p>Points are given either as {@code double[n][d]} or as one flat row-major array of {@code n * d}
 * values (point {@code i} is {@code points[i*d .. i*d+d-1]}); they must be finite and are never
 * modified. The algorithm, for each of {@code restarts} independent runs:
 * <ol>
 *   <li><b>Seeding (k-means++).</b> The first centre is a uniformly drawn point; each further centre is
 *   a point drawn with probability proportional to its squared distance to the nearest centre chosen
 *   so far. When every point coincides with a chosen centre (the points have fewer than {@code k}
 *   distinct values) seeding stops early, so the result then has fewer than {@code k} clusters: exactly
 *   one per distinct point. {@link KMeansResult#k()} tells how many.</li>
 *   <li><b>Lloyd iterations.</b> Every point goes to its nearest centroid (ties to the lowest cluster
 *   index); every centroid moves to the mean of its points. A cluster left empty is re-seeded with the
 *   point farthest from its own centroid among the clusters of two or more points, which is moved to
 *   it. (Hamerly's distance bounds skip most distance computations without changing any result.)
 *   Iterations stop when an assignment step changes no label ({@link KMeansResult#converged()}) or after
 *   {@code maxIterations} updates.</li>
 * </ol>
 * The run with the lowest inertia is returned (the first one on ties). All random choices draw from
 * the given {@link SplittableRandom} in a fixed order, so the same generator state gives the same
 * result. Instances are immutable and thread-safe; a generator must not be shared between threads.
 */
public final class KMeans {

    /** Default cap on Lloyd iterations per run. */
    public static final int DEFAULT_MAX_ITERATIONS = 300;

    private final int maxIterations;
    private final int restarts;

    /**
     * @param maxIterations the most centroid updates per run, >= 1
     * @param restarts      independent seedings (k-means++ plus Lloyd), >= 1; the best is kept
     */
    public KMeans(int maxIterations, int restarts) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
        }
        this.maxIterations = maxIterations;
        this.restarts = restarts;
    }

    /** The cap on Lloyd iterations per run. */
    public int maxIterations() {
        return maxIterations;
    }

    /** The number of independent runs. */
    public int restarts() {
        return restarts;
    }

    /**
     * Clusters points given as rows.
     *
     * @param points {@code [n][d]}, n >= 1, every row of the same length d >= 1, finite; not modified
     * @param k      the number of clusters wanted, >= 1
     * @param random the source of the random choices; advanced
     * @return the best clustering found (with fewer than {@code k} clusters when there are fewer
     *         distinct points)
     */
    public KMeansResult fit(double[][] points, int k, SplittableRandom random) {
        Objects.requireNonNull(points, "points");
        if (points.length == 0) {
            throw new IllegalArgumentException("k-means needs at least one point");
        }
        int d = points[0].length;
        double[] flat = new double[Math.multiplyExact(points.length, d)];
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != d) {
                throw new IllegalArgumentException("point " + i + " has " + points[i].length
                        + " coordinates but point 0 has " + d);
            }
            System.arraycopy(points[i], 0, flat, i * d, d);
        }
        return fit(flat, points.length, d, k, random);
    }

    /**
     * Clusters points given as one flat row-major array.
     *
     * @param points {@code n * d} finite values, point {@code i} at {@code i*d}; not modified
     * @param n      the number of points, >= 1
     * @param d      the dimension, >= 1
     * @param k      the number of clusters wanted, >= 1
     * @param random the source of the random choices; advanced
     * @return the best clustering found
     */
    public KMeansResult fit(double[] points, int n, int d, int k, SplittableRandom random) {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(random, "random");
        if (n < 1 || d < 1 || (long) n * d != points.length) {
            throw new IllegalArgumentException("need n >= 1 points of d >= 1 coordinates in " + points.length
                    + " values, got n = " + n + ", d = " + d);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        for (int i = 0; i < points.length; i++) {
            if (!Double.isFinite(points[i])) {
                throw new IllegalArgumentException("coordinate " + (i % d) + " of point " + (i / d)
                        + " is not finite: " + points[i]);
            }
        }
        KMeansResult best = null;
        for (int run = 0; run < restarts; run++) {
            KMeansResult result = fitOnce(points, n, d, k, random);
            if (best == null || result.inertia() < best.inertia()) {
                best = result;
            }
        }
        return best;
    }

    private KMeansResult fitOnce(double[] points, int n, int d, int k, SplittableRandom random) {
        double[] seeds = seed(points, n, d, k, random);
        Lloyd lloyd = new Lloyd(points, n, d, seeds);
        lloyd.assign();
        int iterations = 0;
        boolean converged = false;
        while (iterations < maxIterations) {
            iterations++;
            lloyd.update();
            if (lloyd.assign() == 0) {
                converged = true;
                break;
            }
        }
        return new KMeansResult(lloyd.centroids(), seeds.length / d, d, lloyd.labels(), lloyd.inertia(), iterations,
                converged);
    }

    /** k-means++ seeding: up to k centres (fewer when the points have fewer distinct values), flat. */
    private static double[] seed(double[] points, int n, int d, int k, SplittableRandom random) {
        double[] centres = new double[k * d];
        int first = random.nextInt(n);
        System.arraycopy(points, first * d, centres, 0, d);
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = squaredDistance(points, i * d, centres, 0, d);
        }
        int count = 1;
        while (count < k) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += nearest[i];
            }
            if (!(total > 0)) {
                break;
            }
            int chosen = draw(nearest, total, random.nextDouble() * total);
            System.arraycopy(points, chosen * d, centres, count * d, d);
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(points, i * d, centres, count * d, d));
            }
            count++;
        }
        return count == k ? centres : Arrays.copyOf(centres, count * d);
    }

    /** The first index whose cumulative weight exceeds {@code target}; never an index of weight 0. */
    private static int draw(double[] weights, double total, double target) {
        double cumulative = 0;
        int lastPositive = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                cumulative += weights[i];
                lastPositive = i;
                if (cumulative > target) {
                    return i;
                }
            }
        }
        return lastPositive;    // rounding left target at or above the sum: the last candidate
    }

    /**
     * The index of the centroid nearest to one point (ties to the lowest index).
     *
     * @param points    flat points, see the class documentation
     * @param offset    where the point starts in {@code points}
     * @param centroids {@code [k][d]}
     */
    public static int nearest(double[] points, int offset, double[][] centroids) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int j = 0; j < centroids.length; j++) {
            double[] centre = centroids[j];
            double sum = 0;
            for (int c = 0; c < centre.length; c++) {
                double diff = points[offset + c] - centre[c];
                sum += diff * diff;
            }
            if (sum < bestDist) {
                bestDist = sum;
                best = j;
            }
        }
        return best;
    }

    static double squaredDistance(double[] a, int aOffset, double[] b, int bOffset, int d) {
        double sum = 0;
        for (int c = 0; c < d; c++) {
            double diff = a[aOffset + c] - b[bOffset + c];
            sum += diff * diff;
        }
        return sum;
    }
}
