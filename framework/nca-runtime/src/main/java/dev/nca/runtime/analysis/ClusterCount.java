package dev.nca.runtime.analysis;

/**
 * How many clusters to use: a fixed k ({@code kMin == kMax}) or the elbow of the inertia curve over
 * {@code kMin..kMax} ({@link ElbowChooser}).
 *
 * @param kMin the smallest k, >= 1
 * @param kMax the largest k, >= kMin
 */
public record ClusterCount(int kMin, int kMax) {

    public ClusterCount {
        if (kMin < 1 || kMax < kMin) {
            throw new IllegalArgumentException("need 1 <= kMin <= kMax, got " + kMin + ".." + kMax);
        }
    }

    /** Exactly {@code k} clusters. */
    public static ClusterCount fixed(int k) {
        return new ClusterCount(k, k);
    }

    /** The elbow over {@code kMin..kMax}. */
    public static ClusterCount elbow(int kMin, int kMax) {
        return new ClusterCount(kMin, kMax);
    }

    /** Whether k is fixed rather than chosen. */
    public boolean isFixed() {
        return kMin == kMax;
    }

    @Override
    public String toString() {
        return isFixed() ? "k = " + kMin : "elbow over k = " + kMin + ".." + kMax;
    }
}
