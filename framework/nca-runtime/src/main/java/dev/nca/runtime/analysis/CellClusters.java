package dev.nca.runtime.analysis;

import dev.nca.api.NcaException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clusters the full states of NCA cells (every channel, observable and hidden) with k-means, as in
 * the hidden-channel analysis of Mahajan and Banerjee: ONE clustering is fitted on the union of the
 * cells of several recorded states, so a cluster means the same kind of cell at every step, and each
 * state gets a map of cluster labels.
 *
 * <p>A cell is the vector {@code x[b, :, y, x]} of its C channel values. With an alive threshold, only
 * living cells are clustered: a cell lives when its own value of the last observable channel (the
 * alpha of RGBA data) is strictly above the threshold; the others get label {@link #DEAD}. Without a
 * threshold every cell is clustered. Values are used as they are (not standardised), so channels with
 * a larger spread weigh more.
 *
 * <p>When more than {@code maxFitCells} cells live, k-means (and the elbow scan) is fitted on that many
 * cells drawn uniformly without replacement; every living cell is then labelled with its nearest
 * centroid, and the reported inertia is over all living cells. Peak memory: a double copy of all states
 * plus the fitted cells. Immutable and thread-safe.
 */
public final class CellClusters {

    /** The label of cells that are not clustered (not alive). */
    public static final int DEAD = -1;

    /** A default for {@code maxFitCells}: enough for stable centroids, a few seconds for a 2..15 scan. */
    public static final int DEFAULT_MAX_FIT_CELLS = 50_000;

    private static final Logger LOG = LoggerFactory.getLogger(CellClusters.class);

    private final ClusterCount count;
    private final KMeans kMeans;
    private final int observable;
    private final OptionalDouble aliveThreshold;
    private final int maxFitCells;

    /**
     * @param count          a fixed k or a range for the elbow method
     * @param kMeans         the clustering algorithm
     * @param observable     the number of leading observable channels, >= 1; the last of them is alpha
     * @param aliveThreshold alpha above which a cell lives, or empty to cluster every cell; finite
     * @param maxFitCells    the most cells k-means is fitted on, >= 1
     */
    public CellClusters(ClusterCount count, KMeans kMeans, int observable, OptionalDouble aliveThreshold,
                        int maxFitCells) {
        this.count = Objects.requireNonNull(count, "count");
        this.kMeans = Objects.requireNonNull(kMeans, "kMeans");
        this.aliveThreshold = Objects.requireNonNull(aliveThreshold, "aliveThreshold");
        if (observable < 1) {
            throw new IllegalArgumentException("observable channels must be >= 1, got " + observable);
        }
        if (aliveThreshold.isPresent() && !Double.isFinite(aliveThreshold.getAsDouble())) {
            throw new IllegalArgumentException("the alive threshold must be finite, got " + aliveThreshold);
        }
        if (maxFitCells < 1) {
            throw new IllegalArgumentException("maxFitCells must be >= 1, got " + maxFitCells);
        }
        this.observable = observable;
        this.maxFitCells = maxFitCells;
    }

    /**
     * Clusters the cells of the given states.
     *
     * @param states one array {@code [B, C, S, S]} per recorded step, all of one shape, FLOAT or DOUBLE,
     *               C >= the observable channels; not modified
     * @param steps  the NCA step of each state, for messages and the result
     * @param random the source of the sampling and k-means choices; advanced
     * @return the label maps, centroids and inertia curve
     * @throws NcaException when a living cell holds NaN or infinite values (a diverged rollout), or no
     *                      cell is alive at any step
     */
    public CellClusterMaps fit(List<INDArray> states, int[] steps, SplittableRandom random) {
        Objects.requireNonNull(random, "random");
        long[] shape = checkShapes(states, steps);
        int batch = (int) shape[0];
        int channels = (int) shape[1];
        int size = (int) shape[2];
        int plane = size * size;
        long total = (long) batch * plane * states.size();
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many cells to cluster: " + total + " (at most "
                    + Integer.MAX_VALUE + ")");
        }
        int cellsPerStep = batch * plane;
        List<double[]> values = new ArrayList<>(states.size());
        for (INDArray state : states) {
            values.add(state.castTo(DataType.DOUBLE).dup('c').data().asDouble());
        }
        int[][] labels = new int[states.size()][cellsPerStep];
        int living = 0;
        for (int t = 0; t < states.size(); t++) {
            double[] v = values.get(t);
            for (int cell = 0; cell < cellsPerStep; cell++) {
                int b = cell / plane;
                int p = cell % plane;
                if (alive(v, b, p, channels, plane)) {
                    requireFinite(v, b, p, channels, size, steps[t]);
                    labels[t][cell] = 0;
                    living++;
                } else {
                    labels[t][cell] = DEAD;
                }
            }
        }
        if (living == 0) {
            throw new NcaException("no cell is alive at any of the " + states.size() + " analysed steps: channel "
                    + (observable - 1) + " (the last observable one) never exceeds the alive threshold "
                    + aliveThreshold.getAsDouble() + "; lower the threshold or analyse other steps");
        }
        int[] fitCells = sample(labels, living, random);
        LOG.info("clustering {} of {} cells ({} living) from {} states, {}", fitCells.length,
                total, living, states.size(), count);
        double[] points = gather(values, fitCells, cellsPerStep, channels, plane);
        ElbowChooser.Scan scan = count.isFixed()
                ? fixed(points, fitCells.length, channels, random.split())
                : new ElbowChooser(kMeans).scan(points, fitCells.length, channels, count.kMin(), count.kMax(),
                        random.split());
        double[][] centroids = scan.fit().centroids();
        double inertia = label(values, labels, centroids, channels, plane);
        LOG.info("{} clusters (chosen k = {}), inertia {} over all living cells", centroids.length, scan.chosen(),
                inertia);
        return new CellClusterMaps(steps, batch, size, observable, aliveThreshold, count, scan, centroids, inertia,
                fitCells.length, living, labels);
    }

    private ElbowChooser.Scan fixed(double[] points, int n, int d, SplittableRandom random) {
        KMeansResult fit = kMeans.fit(points, n, d, count.kMin(), random);
        return new ElbowChooser.Scan(new int[] {count.kMin()}, new double[] {fit.inertia()}, count.kMin(), fit);
    }

    private long[] checkShapes(List<INDArray> states, int[] steps) {
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(steps, "steps");
        if (states.isEmpty() || states.size() != steps.length) {
            throw new IllegalArgumentException("need at least one state and one step per state, got "
                    + states.size() + " states and " + steps.length + " steps");
        }
        long[] shape = states.get(0).shape();
        for (int t = 0; t < states.size(); t++) {
            INDArray s = states.get(t);
            if (s.rank() != 4 || !Arrays.equals(s.shape(), shape) || shape[2] != shape[3] || !s.dataType().isFPType()) {
                throw new IllegalArgumentException("states must be floating-point [B, C, S, S] arrays of one shape;"
                        + " state " + t + " is " + s.dataType() + " " + Arrays.toString(s.shape()) + ", state 0 is "
                        + Arrays.toString(shape));
            }
        }
        if (shape[1] < observable) {
            throw new IllegalArgumentException("the states have " + shape[1] + " channels, fewer than the "
                    + observable + " observable ones");
        }
        return shape;
    }

    private boolean alive(double[] v, int b, int p, int channels, int plane) {
        return aliveThreshold.isEmpty()
                || v[(b * channels + observable - 1) * plane + p] > aliveThreshold.getAsDouble();
    }

    private static void requireFinite(double[] v, int b, int p, int channels, int size, int step) {
        int plane = size * size;
        for (int c = 0; c < channels; c++) {
            double x = v[(b * channels + c) * plane + p];
            if (!Double.isFinite(x)) {
                throw new NcaException("the state at step " + step + " holds a non-finite value (" + x + " in channel "
                        + c + " at y = " + p / size + ", x = " + p % size + ", batch index " + b
                        + "): the rollout diverged; analyse an earlier part of it");
            }
        }
    }

    /** Global indices {@code t * cellsPerStep + cell} of the living cells to fit on, increasing. */
    private int[] sample(int[][] labels, int living, SplittableRandom random) {
        int[] all = new int[living];
        int next = 0;
        int cellsPerStep = labels[0].length;
        for (int t = 0; t < labels.length; t++) {
            for (int cell = 0; cell < cellsPerStep; cell++) {
                if (labels[t][cell] != DEAD) {
                    all[next++] = t * cellsPerStep + cell;
                }
            }
        }
        if (living <= maxFitCells) {
            return all;
        }
        for (int i = 0; i < maxFitCells; i++) {        // partial Fisher-Yates shuffle
            int j = i + random.nextInt(living - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] chosen = Arrays.copyOf(all, maxFitCells);
        Arrays.sort(chosen);
        return chosen;
    }

    private static double[] gather(List<double[]> values, int[] cells, int cellsPerStep, int channels, int plane) {
        double[] points = new double[Math.multiplyExact(cells.length, channels)];
        for (int i = 0; i < cells.length; i++) {
            double[] v = values.get(cells[i] / cellsPerStep);
            int cell = cells[i] % cellsPerStep;
            copyCell(v, cell / plane, cell % plane, channels, plane, points, i * channels);
        }
        return points;
    }

    /** Labels every living cell with its nearest centroid; returns the inertia over them. */
    private static double label(List<double[]> values, int[][] labels, double[][] centroids, int channels,
                                int plane) {
        double[] cellValues = new double[channels];
        double inertia = 0;
        for (int t = 0; t < labels.length; t++) {
            double[] v = values.get(t);
            for (int cell = 0; cell < labels[t].length; cell++) {
                if (labels[t][cell] == DEAD) {
                    continue;
                }
                copyCell(v, cell / plane, cell % plane, channels, plane, cellValues, 0);
                int j = KMeans.nearest(cellValues, 0, centroids);
                labels[t][cell] = j;
                inertia += KMeans.squaredDistance(cellValues, 0, centroids[j], 0, channels);
            }
        }
        return inertia;
    }

    private static void copyCell(double[] v, int b, int p, int channels, int plane, double[] out, int offset) {
        for (int c = 0; c < channels; c++) {
            out[offset + c] = v[(b * channels + c) * plane + p];
        }
    }
}
