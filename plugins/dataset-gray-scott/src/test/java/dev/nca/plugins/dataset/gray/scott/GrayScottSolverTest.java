package dev.nca.plugins.dataset.gray.scott;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Euler steps against arithmetic done by hand. Rates of paper 1: dt = 1, D_A = 0.1, D_B = 0.05,
 * feed = 0.0623, kill = 0.06268.
 */
class GrayScottSolverTest {

    private static final GrayScottSolver.Rates PAPER = new GrayScottSolver.Rates(1.0, 0.1, 0.05, 0.0623, 0.06268);
    private static final double EPS = 1e-14;

    /** A = 1, B = 0 everywhere except one seeded cell with A = 0.5, B = 0.25. */
    private static GrayScottSolver seeded(int size, int i, int j) {
        double[] a = new double[size * size];
        double[] b = new double[size * size];
        java.util.Arrays.fill(a, 1.0);
        a[i * size + j] = 0.5;
        b[i * size + j] = 0.25;
        GrayScottSolver s = new GrayScottSolver(size, PAPER);
        s.reset(a, b);
        return s;
    }

    // Values after one step for a cell with A = 0.5, B = 0.25 whose 8 neighbours are A = 1, B = 0:
    // lap A = (12 * 1 - 12 * 0.5) / 4 = 1.5, lap B = -12 * 0.25 / 4 = -0.75, A B^2 = 0.03125
    private static final double SEED_A = 0.5 + 0.1 * 1.5 - 0.03125 + 0.0623 * 0.5;
    private static final double SEED_B = 0.25 + 0.05 * -0.75 + 0.03125 - (0.06268 + 0.0623) * 0.25;
    // a cell (A = 1, B = 0) that sees the seed at weight 2 (edge): lap A = (2 * 0.5 - 2) / 4 = -0.25,
    // lap B = 2 * 0.25 / 4 = 0.125; at weight 1 (corner): lap A = -0.125, lap B = 0.0625
    private static final double EDGE_A = 1 - 0.1 * 0.25;
    private static final double EDGE_B = 0.05 * 0.125;
    private static final double CORNER_A = 1 - 0.1 * 0.125;
    private static final double CORNER_B = 0.05 * 0.0625;

    @Test
    void oneStepOnThreeByThree() {
        GrayScottSolver s = seeded(3, 1, 1);
        s.advance(1);
        assertThat(SEED_A).isCloseTo(0.6499, within(1e-12));
        assertThat(SEED_B).isCloseTo(0.212505, within(1e-12));
        assertThat(s.a(1, 1)).isCloseTo(SEED_A, within(EPS));
        assertThat(s.b(1, 1)).isCloseTo(SEED_B, within(EPS));
        for (int[] e : new int[][] {{0, 1}, {1, 0}, {1, 2}, {2, 1}}) {
            assertThat(s.a(e[0], e[1])).isCloseTo(0.975, within(EPS));
            assertThat(s.b(e[0], e[1])).isCloseTo(0.00625, within(EPS));
        }
        for (int[] k : new int[][] {{0, 0}, {0, 2}, {2, 0}, {2, 2}}) {
            assertThat(s.a(k[0], k[1])).isCloseTo(0.9875, within(EPS));
            assertThat(s.b(k[0], k[1])).isCloseTo(0.003125, within(EPS));
        }
    }

    /**
     * On the 3x3 torus with a seed at the centre, symmetry leaves three classes of cells: centre
     * c, edges e, corners k. Counting each class's neighbours with their weights (worked out by
     * hand, including wrap-around):
     * lap_c = (8e + 4k - 12c) / 4, lap_e = (2c - 8e + 6k) / 4, lap_k = (c + 6e - 7k) / 4.
     */
    private static double[] classStep(double[] a, double[] b) {
        double[] lapA = {(8 * a[1] + 4 * a[2] - 12 * a[0]) / 4, (2 * a[0] - 8 * a[1] + 6 * a[2]) / 4,
            (a[0] + 6 * a[1] - 7 * a[2]) / 4};
        double[] lapB = {(8 * b[1] + 4 * b[2] - 12 * b[0]) / 4, (2 * b[0] - 8 * b[1] + 6 * b[2]) / 4,
            (b[0] + 6 * b[1] - 7 * b[2]) / 4};
        double[] out = new double[6];
        for (int c = 0; c < 3; c++) {
            double r = a[c] * b[c] * b[c];
            out[c] = a[c] + 0.1 * lapA[c] - r + 0.0623 * (1 - a[c]);
            out[3 + c] = b[c] + 0.05 * lapB[c] + r - (0.06268 + 0.0623) * b[c];
        }
        return out;
    }

    @Test
    void twoStepsOnThreeByThree() {
        double[] one = {SEED_A, EDGE_A, CORNER_A, SEED_B, EDGE_B, CORNER_B};
        double[] two = classStep(new double[] {one[0], one[1], one[2]}, new double[] {one[3], one[4], one[5]});
        GrayScottSolver s = seeded(3, 1, 1);
        s.advance(2);
        assertThat(s.a(1, 1)).isCloseTo(two[0], within(EPS));
        assertThat(s.b(1, 1)).isCloseTo(two[3], within(EPS));
        assertThat(s.a(0, 1)).isCloseTo(two[1], within(EPS));
        assertThat(s.b(2, 1)).isCloseTo(two[4], within(EPS));
        assertThat(s.a(2, 2)).isCloseTo(two[2], within(EPS));
        assertThat(s.b(0, 0)).isCloseTo(two[5], within(EPS));
        // the first class step reproduces the hand-computed values above
        double[] check = classStep(new double[] {0.5, 1, 1}, new double[] {0.25, 0, 0});
        assertThat(check).containsExactly(new double[] {SEED_A, EDGE_A, CORNER_A, SEED_B, EDGE_B, CORNER_B},
                within(EPS));
    }

    @Test
    void seedInTheCornerWrapsAroundOnFourByFour() {
        GrayScottSolver s = seeded(4, 0, 0);
        s.advance(1);
        assertThat(s.a(0, 0)).isCloseTo(SEED_A, within(EPS));
        assertThat(s.b(0, 0)).isCloseTo(SEED_B, within(EPS));
        // direct neighbours, two of them across the edges
        for (int[] e : new int[][] {{0, 1}, {1, 0}, {0, 3}, {3, 0}}) {
            assertThat(s.a(e[0], e[1])).as("A at %d,%d", e[0], e[1]).isCloseTo(EDGE_A, within(EPS));
            assertThat(s.b(e[0], e[1])).as("B at %d,%d", e[0], e[1]).isCloseTo(EDGE_B, within(EPS));
        }
        // diagonal neighbours, three of them across edges or the corner
        for (int[] k : new int[][] {{1, 1}, {1, 3}, {3, 1}, {3, 3}}) {
            assertThat(s.a(k[0], k[1])).as("A at %d,%d", k[0], k[1]).isCloseTo(CORNER_A, within(EPS));
            assertThat(s.b(k[0], k[1])).as("B at %d,%d", k[0], k[1]).isCloseTo(CORNER_B, within(EPS));
        }
        // cells two away in some direction do not see the seed yet
        for (int[] far : new int[][] {{0, 2}, {2, 0}, {2, 2}, {1, 2}, {2, 3}}) {
            assertThat(s.a(far[0], far[1])).isEqualTo(1.0);
            assertThat(s.b(far[0], far[1])).isEqualTo(0.0);
        }
    }

    @Test
    void uniformAOneBZeroIsAFixedPoint() {
        GrayScottSolver s = seeded(5, 0, 0);
        double[] a = new double[25];
        java.util.Arrays.fill(a, 1.0);
        s.reset(a, new double[25]);
        s.advance(200);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertThat(s.a(i, j)).isEqualTo(1.0);
                assertThat(s.b(i, j)).isEqualTo(0.0);
            }
        }
    }

    @Test
    void shiftingTheInitialConditionShiftsTheSolution() {
        int n = 6;
        SplittableRandom rng = new SplittableRandom(3);
        double[] a = new double[n * n];
        double[] b = new double[n * n];
        for (int c = 0; c < n * n; c++) {
            a[c] = rng.nextDouble(0.3, 1.0);
            b[c] = rng.nextDouble(0.0, 0.4);
        }
        double[] sa = new double[n * n];
        double[] sb = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sa[((i + 2) % n) * n + (j + 5) % n] = a[i * n + j];
                sb[((i + 2) % n) * n + (j + 5) % n] = b[i * n + j];
            }
        }
        GrayScottSolver plain = new GrayScottSolver(n, PAPER);
        plain.reset(a, b);
        plain.advance(7);
        GrayScottSolver shifted = new GrayScottSolver(n, PAPER);
        shifted.reset(sa, sb);
        shifted.advance(7);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(shifted.a((i + 2) % n, (j + 5) % n)).isCloseTo(plain.a(i, j), within(1e-13));
                assertThat(shifted.b((i + 2) % n, (j + 5) % n)).isCloseTo(plain.b(i, j), within(1e-13));
            }
        }
    }
}
