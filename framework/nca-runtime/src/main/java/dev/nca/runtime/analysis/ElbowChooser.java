package dev.nca.runtime.analysis;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Chooses the number of clusters by the elbow method: k-means is fitted for every k in
 * {@code kMin..kMax} and the k at the "elbow" of the inertia curve is taken.
 *
 * <p><b>The rule.</b> Put the points {@code (k, inertia(k))} on a unit square: k mapped linearly from
 * {@code [kMin, kMax]} to {@code [0, 1]}, inertia from {@code [min, max]} over the curve to
 * {@code [0, 1]}. Draw the chord from the first point to the last. The elbow is the k whose point lies
 * farthest <em>below</em> the chord (perpendicular distance in the unit square; since the chord is
 * fixed this is the k with the largest vertical gap below it). Ties go to the smaller k. If no point
 * lies more than {@value #TOLERANCE} below the chord (a straight or concave curve: no elbow), or the
 * inertia is constant, {@code kMin} is chosen. For a decreasing convex curve, e.g. three well
 * separated blobs scanned over {@code 2..8}, this picks the k after which adding clusters stops paying
 * off (there, 3).
 *
 * <p>Each k is fitted with its own generator split from the caller's in increasing k order, so results
 * are reproducible. Immutable and thread-safe.
 */
public final class ElbowChooser {

    /** How far below the chord (in the unit square) a point must lie to count as an elbow. */
    public static final double TOLERANCE = 1e-9;

    /** A scan over k: the inertia curve, the chosen k and its fit. Immutable: accessors return copies. */
    public static final class Scan {
        private final int[] ks;
        private final double[] inertias;
        private final int chosen;
        private final KMeansResult fit;

        /**
         * @param ks       the k tried, increasing
         * @param inertias the inertia of the fit at each k
         * @param chosen   the k chosen
         * @param fit      the fit at the chosen k
         */
        public Scan(int[] ks, double[] inertias, int chosen, KMeansResult fit) {
            if (ks.length != inertias.length) {
                throw new IllegalArgumentException("need one inertia per k, got " + ks.length + " k and "
                        + inertias.length + " inertias");
            }
            this.ks = ks.clone();
            this.inertias = inertias.clone();
            this.chosen = chosen;
            this.fit = Objects.requireNonNull(fit, "fit");
        }

        /** The k tried, increasing. */
        public int[] ks() {
            return ks.clone();
        }

        /** The inertia of the fit at each k tried. */
        public double[] inertias() {
            return inertias.clone();
        }

        /** The k chosen. */
        public int chosen() {
            return chosen;
        }

        /**
         * The fit at the chosen k; its {@link KMeansResult#k()} is smaller than {@link #chosen()} when the
         * points have fewer distinct values.
         */
        public KMeansResult fit() {
            return fit;
        }

        @Override
        public String toString() {
            return "Scan[ks=" + Arrays.toString(ks) + ", inertias=" + Arrays.toString(inertias) + ", chosen="
                    + chosen + "]";
        }
    }

    private final KMeans kMeans;

    /** @param kMeans the clustering to run for each k */
    public ElbowChooser(KMeans kMeans) {
        this.kMeans = Objects.requireNonNull(kMeans, "kMeans");
    }

    /**
     * Fits every k in {@code kMin..kMax} and chooses one.
     *
     * @param points flat row-major points {@code [n * d]}, finite; not modified
     * @param n      the number of points, >= 1
     * @param d      the dimension, >= 1
     * @param kMin   the smallest k, >= 1
     * @param kMax   the largest k, >= kMin
     * @param random the source of the random choices; advanced
     * @return the inertia curve, the chosen k and its fit
     */
    public Scan scan(double[] points, int n, int d, int kMin, int kMax, SplittableRandom random) {
        if (kMin < 1 || kMax < kMin) {
            throw new IllegalArgumentException("need 1 <= kMin <= kMax, got " + kMin + ".." + kMax);
        }
        int count = kMax - kMin + 1;
        int[] ks = new int[count];
        double[] inertias = new double[count];
        KMeansResult[] fits = new KMeansResult[count];
        for (int i = 0; i < count; i++) {
            ks[i] = kMin + i;
            fits[i] = kMeans.fit(points, n, d, ks[i], random.split());
            inertias[i] = fits[i].inertia();
        }
        int chosen = elbow(ks, inertias);
        return new Scan(ks, inertias, chosen, fits[chosen - kMin]);
    }

    /**
     * The elbow of an inertia curve by the rule in the class documentation.
     *
     * @param ks       the k values, strictly increasing, at least one
     * @param inertias the inertia at each k, finite
     * @return one of {@code ks}
     */
    public static int elbow(int[] ks, double[] inertias) {
        if (ks.length == 0 || ks.length != inertias.length) {
            throw new IllegalArgumentException("need one inertia per k and at least one k, got " + ks.length
                    + " k and " + inertias.length + " inertias");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ks.length; i++) {
            if (i > 0 && ks[i] <= ks[i - 1]) {
                throw new IllegalArgumentException("k values must increase, got " + Arrays.toString(ks));
            }
            if (!Double.isFinite(inertias[i])) {
                throw new IllegalArgumentException("inertia at k = " + ks[i] + " is not finite: " + inertias[i]);
            }
            lo = Math.min(lo, inertias[i]);
            hi = Math.max(hi, inertias[i]);
        }
        int last = ks.length - 1;
        if (last == 0 || !(hi > lo)) {
            return ks[0];
        }
        double y0 = (inertias[0] - lo) / (hi - lo);
        double y1 = (inertias[last] - lo) / (hi - lo);
        double spanK = ks[last] - ks[0];
        double norm = Math.hypot(1.0, y1 - y0);
        int best = ks[0];
        double bestDistance = TOLERANCE;
        for (int i = 1; i < last; i++) {
            double x = (ks[i] - ks[0]) / spanK;
            double y = (inertias[i] - lo) / (hi - lo);
            double distanceBelow = (y0 + (y1 - y0) * x - y) / norm;
            if (distanceBelow > bestDistance) {
                bestDistance = distanceBelow;
                best = ks[i];
            }
        }
        return best;
    }
}
