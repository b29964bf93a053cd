package dev.nca.runtime.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.NcaException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CellClustersTest {

    static final int S = 4;
    static final int C = 3;
    static final int[] STEPS = {0, 7};

    private static final KMeans K_MEANS = new KMeans(KMeans.DEFAULT_MAX_ITERATIONS, 2);

    /**
     * Two states [1, 3, 4, 4] (channel 0 observable, channel 1 alpha, channel 2 hidden). Step 0: even cells
     * live, hidden 0 at p % 4 == 0 (group A) else 5 (group B). Step 1: cells p < 8 live, hidden 0.1 for
     * p < 4 (A) else 5.1 (B). Dead cells have alpha 0 and extreme values that would capture a cluster.
     */
    static List<INDArray> twoGroups() {
        double[] step0 = new double[C * S * S];
        double[] step1 = new double[C * S * S];
        for (int p = 0; p < S * S; p++) {
            boolean alive0 = p % 2 == 0;
            put(step0, p, alive0 ? 0.5 : -50, alive0 ? 1 : 0, alive0 ? (p % 4 == 0 ? 0 : 5) : 1000);
            boolean alive1 = p < 8;
            put(step1, p, alive1 ? 0.5 : -50, alive1 ? 1 : 0, alive1 ? (p < 4 ? 0.1 : 5.1) : 1000);
        }
        return List.of(state(step0, 1), state(step1, 1));
    }

    static boolean alive(int step, int p) {
        return step == 0 ? p % 2 == 0 : p < 8;
    }

    static boolean groupA(int step, int p) {
        return step == 0 ? p % 4 == 0 : p < 4;
    }

    private static void put(double[] values, int p, double c0, double alpha, double hidden) {
        values[p] = c0;
        values[S * S + p] = alpha;
        values[2 * S * S + p] = hidden;
    }

    private static INDArray state(double[] values, int batch) {
        return Nd4j.create(values, new long[] {batch, C, S, S}, DataType.DOUBLE);
    }

    private static CellClusters clusters(int k, OptionalDouble threshold, int maxFit) {
        return new CellClusters(ClusterCount.fixed(k), K_MEANS, 2, threshold, maxFit);
    }

    @Test
    void deadCellsAreLabelledMinusOneAndKeptOutOfTheClusters() {
        CellClusterMaps maps = clusters(2, OptionalDouble.of(0.5), 1000)
                .fit(twoGroups(), STEPS, new SplittableRandom(1));

        assertThat(maps.k()).isEqualTo(2);
        assertThat(maps.livingCells()).isEqualTo(16);
        assertThat(maps.fittedCells()).isEqualTo(16);
        int labelA = -2;
        int labelB = -2;
        for (int t = 0; t < 2; t++) {
            int[] labels = maps.labels(t);
            for (int p = 0; p < S * S; p++) {
                if (!alive(t, p)) {
                    assertThat(labels[p]).as("step %d cell %d", t, p).isEqualTo(CellClusters.DEAD);
                } else if (groupA(t, p)) {
                    labelA = labelA == -2 ? labels[p] : labelA;
                    assertThat(labels[p]).as("group A, step %d cell %d", t, p).isEqualTo(labelA);
                } else {
                    labelB = labelB == -2 ? labels[p] : labelB;
                    assertThat(labels[p]).as("group B, step %d cell %d", t, p).isEqualTo(labelB);
                }
            }
            assertThat(maps.deadCells(t)).isEqualTo(8);
            assertThat(maps.sizes(t)).containsExactly(4, 4);
        }
        assertThat(labelA).isNotEqualTo(labelB).isBetween(0, 1);
        double[][] centroids = maps.centroids();
        assertThat(centroids[labelA]).containsExactly(new double[] {0.5, 1, 0.05}, within(1e-12));
        assertThat(centroids[labelB]).containsExactly(new double[] {0.5, 1, 5.05}, within(1e-12));
        // 16 cells, each 0.05 from its centroid in the hidden channel
        assertThat(maps.inertia()).isCloseTo(16 * 0.05 * 0.05, within(1e-12));
        assertThat(maps.label(1, 0, 0, 3)).isEqualTo(labelA);
        assertThat(maps.label(1, 0, 1, 0)).isEqualTo(labelB);
    }

    @Test
    void withoutAThresholdEveryCellIsClusteredAndTheDeadOnesTakeACluster() {
        CellClusterMaps maps = clusters(2, OptionalDouble.empty(), 1000)
                .fit(twoGroups(), STEPS, new SplittableRandom(1));

        assertThat(maps.livingCells()).isEqualTo(32);
        assertThat(maps.labels(0)).doesNotContain(CellClusters.DEAD);
        assertThat(maps.deadCells(0)).isZero();
        // the extreme cells are a cluster of their own; groups A and B are merged
        assertThat(Arrays.stream(maps.centroids()).mapToDouble(c -> c[2])).contains(1000.0);
    }

    @Test
    void theThresholdIsStrict() {
        List<INDArray> states = twoGroups();
        INDArray first = states.get(0).dup();
        first.putScalar(new long[] {0, 1, 0, 0}, 0.5);   // cell 0 of step 0: alpha exactly at the threshold

        CellClusterMaps maps = clusters(2, OptionalDouble.of(0.5), 1000)
                .fit(List.of(first, states.get(1)), STEPS, new SplittableRandom(1));

        assertThat(maps.label(0, 0, 0, 0)).isEqualTo(CellClusters.DEAD);
        assertThat(maps.deadCells(0)).isEqualTo(9);
    }

    @Test
    void fitsOnASampleButLabelsEveryLivingCell() {
        SplittableRandom data = new SplittableRandom(3);
        double[] values = new double[2 * C * S * S];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.nextDouble();
        }
        INDArray batch = state(values, 2);
        List<INDArray> states = List.of(batch, batch.mul(2.0));

        CellClusterMaps maps = clusters(3, OptionalDouble.empty(), 10).fit(states, STEPS, new SplittableRandom(5));

        assertThat(maps.fittedCells()).isEqualTo(10);
        assertThat(maps.livingCells()).isEqualTo(64);
        double[][] centroids = maps.centroids();
        double inertia = 0;
        for (int t = 0; t < 2; t++) {
            for (int b = 0; b < 2; b++) {
                int[] map = maps.labelMap(t, b);
                for (int p = 0; p < S * S; p++) {
                    double[] cell = new double[C];
                    for (int c = 0; c < C; c++) {
                        cell[c] = states.get(t).getDouble(b, c, p / S, p % S);
                    }
                    double best = Double.POSITIVE_INFINITY;
                    for (double[] centroid : centroids) {
                        best = Math.min(best, squared(cell, centroid));
                    }
                    assertThat(squared(cell, centroids[map[p]])).isCloseTo(best, within(1e-12));
                    assertThat(maps.label(t, b, p / S, p % S)).isEqualTo(map[p]);
                    inertia += best;
                }
            }
        }
        assertThat(maps.inertia()).isCloseTo(inertia, within(1e-9));
    }

    @Test
    void chosesKByTheElbowOverTheCells() {
        // three kinds of living cells in the hidden channel: 0, 10, 20 (+ a little spread in channel 0)
        double[] values = new double[C * S * S];
        for (int p = 0; p < S * S; p++) {
            put(values, p, 0.01 * p, 1, 10 * (p % 3));
        }
        CellClusters elbow = new CellClusters(ClusterCount.elbow(2, 6), K_MEANS, 2, OptionalDouble.empty(), 1000);

        CellClusterMaps maps = elbow.fit(List.of(state(values, 1)), new int[] {0}, new SplittableRandom(2));

        assertThat(maps.chosenK()).isEqualTo(3);
        assertThat(maps.ksTried()).containsExactly(2, 3, 4, 5, 6);
        assertThat(maps.inertiaPerK()).hasSize(5);
        assertThat(maps.sizes(0)).containsExactlyInAnyOrder(6, 5, 5);
    }

    @Test
    void reportsADivergedLivingCellButIgnoresDeadOnes() {
        List<INDArray> states = twoGroups();
        INDArray second = states.get(1).dup();
        second.putScalar(new long[] {0, 2, 3, 3}, Double.NaN);     // a dead cell: fine
        CellClusters masked = clusters(2, OptionalDouble.of(0.5), 1000);
        assertThat(masked.fit(List.of(states.get(0), second), STEPS, new SplittableRandom(1)).k()).isEqualTo(2);

        second.putScalar(new long[] {0, 2, 0, 1}, Double.POSITIVE_INFINITY);   // a living cell
        assertThatThrownBy(() -> masked.fit(List.of(states.get(0), second), STEPS, new SplittableRandom(1)))
                .isInstanceOf(NcaException.class).hasMessageContaining("state at step 7")
                .hasMessageContaining("channel 2 at y = 0, x = 1").hasMessageContaining("diverged");
    }

    @Test
    void rejectsStatesWithoutLivingCellsOrOfMixedShapes() {
        INDArray dead = Nd4j.zeros(DataType.FLOAT, 1, C, S, S);
        assertThatThrownBy(() -> clusters(2, OptionalDouble.of(0.1), 10).fit(List.of(dead), new int[] {0},
                new SplittableRandom(1))).isInstanceOf(NcaException.class)
                .hasMessageContaining("no cell is alive").hasMessageContaining("channel 1")
                .hasMessageContaining("threshold 0.1");
        assertThatThrownBy(() -> clusters(2, OptionalDouble.empty(), 10).fit(
                List.of(dead, Nd4j.zeros(DataType.FLOAT, 1, C, 2, 2)), STEPS, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state 1");
        assertThatThrownBy(() -> clusters(2, OptionalDouble.empty(), 10).fit(List.of(dead), STEPS,
                new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CellClusters(ClusterCount.fixed(2), K_MEANS, 4, OptionalDouble.empty(), 10)
                .fit(List.of(dead), new int[] {0}, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fewer than the 4 observable");
    }

    private static double squared(double[] a, double[] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            sum += (a[c] - b[c]) * (a[c] - b[c]);
        }
        return sum;
    }
}
