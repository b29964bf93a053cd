package dev.nca.runtime.analysis;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The result of {@link CellClusters#fit}: one k-means clustering of the cells of several states and the
 * label map of every state. Labels are {@code 0..k-1}, or {@link CellClusters#DEAD} for cells that were
 * not clustered. Immutable: accessors return copies.
 */
public final class CellClusterMaps {

    private final int[] steps;
    private final int batch;
    private final int size;
    private final int observable;
    private final OptionalDouble aliveThreshold;
    private final ClusterCount count;
    private final ElbowChooser.Scan scan;
    private final double[][] centroids;
    private final double inertia;
    private final int fittedCells;
    private final long livingCells;
    private final int[][] labels;

    CellClusterMaps(int[] steps, int batch, int size, int observable, OptionalDouble aliveThreshold,
                    ClusterCount count, ElbowChooser.Scan scan, double[][] centroids, double inertia, int fittedCells,
                    long livingCells, int[][] labels) {
        this.steps = steps.clone();
        this.batch = batch;
        this.size = size;
        this.observable = observable;
        this.aliveThreshold = aliveThreshold;
        this.count = count;
        this.scan = scan;
        this.centroids = centroids;
        this.inertia = inertia;
        this.fittedCells = fittedCells;
        this.livingCells = livingCells;
        this.labels = labels;
    }

    /** The NCA step of each analysed state. */
    public int[] steps() {
        return steps.clone();
    }

    /** The number of states B per step. */
    public int batch() {
        return batch;
    }

    /** The lattice side S. */
    public int size() {
        return size;
    }

    /** The channels C of a cell state (the length of a centroid). */
    public int channels() {
        return centroids[0].length;
    }

    /** The observable channels of the model. */
    public int observable() {
        return observable;
    }

    /** The alpha above which a cell was clustered, or empty when every cell was. */
    public OptionalDouble aliveThreshold() {
        return aliveThreshold;
    }

    /** The k asked for: fixed, or the range the elbow was chosen from. */
    public ClusterCount count() {
        return count;
    }

    /** The k values fitted (one when k was fixed). */
    public int[] ksTried() {
        return scan.ks();
    }

    /** The inertia over the fitted cells at each k tried. */
    public double[] inertiaPerK() {
        return scan.inertias();
    }

    /** The k chosen (the fixed k, or the elbow). */
    public int chosenK() {
        return scan.chosen();
    }

    /** The number of clusters: {@link #chosenK()}, or fewer when the cells had fewer distinct states. */
    public int k() {
        return centroids.length;
    }

    /** The cluster centres, {@code [k][C]}, channels in state order (observable then hidden). */
    public double[][] centroids() {
        double[][] out = new double[centroids.length][];
        for (int j = 0; j < centroids.length; j++) {
            out[j] = centroids[j].clone();
        }
        return out;
    }

    /** The sum of squared distances of all living cells of all steps to their centroid. */
    public double inertia() {
        return inertia;
    }

    /** The number of cells k-means was fitted on (all living cells unless they were sampled). */
    public int fittedCells() {
        return fittedCells;
    }

    /** The number of living cells over all steps. */
    public long livingCells() {
        return livingCells;
    }

    /**
     * The labels of one step's cells, {@code [B * S * S]} in {@code (b, y, x)} row-major order.
     *
     * @param stepIndex the index into {@link #steps()}
     */
    public int[] labels(int stepIndex) {
        return labels[stepIndex].clone();
    }

    /** The label map of state {@code b} at one step, {@code [S * S]} row-major. */
    public int[] labelMap(int stepIndex, int b) {
        int plane = size * size;
        return Arrays.copyOfRange(labels[stepIndex], b * plane, (b + 1) * plane);
    }

    /** The label of the cell at {@code (y, x)} of state {@code b} at one step. */
    public int label(int stepIndex, int b, int y, int x) {
        return labels[stepIndex][(b * size + y) * size + x];
    }

    /** The number of cells of each cluster at one step, {@code [k]}. */
    public long[] sizes(int stepIndex) {
        long[] out = new long[k()];
        for (int label : labels[stepIndex]) {
            if (label != CellClusters.DEAD) {
                out[label]++;
            }
        }
        return out;
    }

    /** The number of cells not clustered at one step. */
    public long deadCells(int stepIndex) {
        long dead = 0;
        for (int label : labels[stepIndex]) {
            if (label == CellClusters.DEAD) {
                dead++;
            }
        }
        return dead;
    }
}
