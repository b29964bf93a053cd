package dev.nca.runtime.analysis;

import java.util.Arrays;

/**
 * One clustering found by {@link KMeans}: {@code k} centroids in R^d, the cluster of every point,
 * the inertia and how the Lloyd iterations ended. Immutable: accessors return copies.
 */
public final class KMeansResult {

    private final double[] centroids;
    private final int k;
    private final int d;
    private final int[] assignments;
    private final double inertia;
    private final int iterations;
    private final boolean converged;

    KMeansResult(double[] centroids, int k, int d, int[] assignments, double inertia, int iterations,
                 boolean converged) {
        this.centroids = centroids;
        this.k = k;
        this.d = d;
        this.assignments = assignments;
        this.inertia = inertia;
        this.iterations = iterations;
        this.converged = converged;
    }

    /** The number of clusters: the k asked for, or fewer when the points had fewer distinct values. */
    public int k() {
        return k;
    }

    /** The dimension d of the points. */
    public int dimension() {
        return d;
    }

    /** The number of points clustered. */
    public int points() {
        return assignments.length;
    }

    /** The centroids, {@code [k][d]}. */
    public double[][] centroids() {
        double[][] out = new double[k][];
        for (int j = 0; j < k; j++) {
            out[j] = centroid(j);
        }
        return out;
    }

    /** Centroid {@code j}, {@code [d]}. */
    public double[] centroid(int j) {
        return Arrays.copyOfRange(centroids, j * d, (j + 1) * d);
    }

    /** The cluster (0..k-1) of every point, {@code [n]}, in the input order. */
    public int[] assignments() {
        return assignments.clone();
    }

    /** The cluster of point {@code i}. */
    public int assignment(int i) {
        return assignments[i];
    }

    /** The number of points in each cluster, {@code [k]}. */
    public long[] sizes() {
        long[] out = new long[k];
        for (int label : assignments) {
            out[label]++;
        }
        return out;
    }

    /** The sum over points of the squared Euclidean distance to their centroid. */
    public double inertia() {
        return inertia;
    }

    /** The centroid updates performed. */
    public int iterations() {
        return iterations;
    }

    /** Whether the iterations stopped because no label changed (rather than at the iteration cap). */
    public boolean converged() {
        return converged;
    }

    @Override
    public String toString() {
        return "KMeansResult[k=" + k + ", d=" + d + ", points=" + assignments.length + ", inertia=" + inertia
                + ", iterations=" + iterations + ", converged=" + converged + "]";
    }
}
