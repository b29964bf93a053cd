package dev.nca.plugins.dataset.bz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BzLatticeTest {

    private static double[][][] random(int n, double lo, double hi, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] x = new double[3][n][n];
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    x[s][i][j] = rng.nextDouble(lo, hi);
                }
            }
        }
        return x;
    }

    private static BzLattice lattice(double[][][] x, CyclicReaction reaction) {
        BzLattice l = new BzLattice(x[0].length, reaction);
        l.reset(Reference.flat(x, 0), Reference.flat(x, 1), Reference.flat(x, 2));
        return l;
    }

    private static double[][][] state(BzLattice l, int n) {
        return new double[][][] {Reference.grid(l, 0, n), Reference.grid(l, 1, n), Reference.grid(l, 2, n)};
    }

    @Test
    void threeByThreeLatticeOneUpdateWorkedByHand() {
        // On a 3 x 3 torus every neighbourhood is the whole lattice, so every cell gets the global
        // means: a = 4.5 / 9 = 1/2, b = 2.25 / 9 = 1/4, c = 1.125 / 9 = 1/8. With alpha = 2,
        // beta = 1/2, gamma = 3/2:
        //   a' = 1/2 + 1/2 (2 * 1/4 - 3/2 * 1/8)   = 1/2 + 5/32   = 21/32
        //   b' = 1/4 + 1/4 (1/2 * 1/8 - 2 * 1/2)   = 1/4 - 15/64  = 1/64
        //   c' = 1/8 + 1/8 (3/2 * 1/2 - 1/2 * 1/4) = 1/8 + 5/64   = 13/64
        double[] a = {1.0, 0.0, 0.5, 0.25, 0.75, 0.5, 1.0, 0.0, 0.5};
        double[] b = {0.0, 0.5, 0.25, 0.25, 0.0, 0.5, 0.25, 0.5, 0.0};
        double[] c = {0.125, 0.0, 0.25, 0.0, 0.5, 0.0, 0.25, 0.0, 0.0};
        BzLattice l = new BzLattice(3, new CyclicReaction(2.0, 0.5, 1.5));
        l.reset(a, b, c);
        l.advance(1);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(l.value(0, i, j)).isCloseTo(21.0 / 32, within(1e-15));
                assertThat(l.value(1, i, j)).isCloseTo(1.0 / 64, within(1e-15));
                assertThat(l.value(2, i, j)).isCloseTo(13.0 / 64, within(1e-15));
            }
        }
    }

    @Test
    void aLoneSpeciesOnlySpreadsOverTheNeighbourhoodAcrossTheEdges() {
        // with b = c = 0 the reaction terms vanish: a' is the 3 x 3 mean, 0.9 / 9 = 0.1 around the corner
        double[] a = new double[25];
        a[0] = 0.9;
        BzLattice l = new BzLattice(5, new CyclicReaction(1, 1, 1));
        l.reset(a, new double[25], new double[25]);
        l.advance(1);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                boolean near = (i == 4 || i <= 1) && (j == 4 || j <= 1);
                assertThat(l.value(0, i, j)).as("a at %d,%d", i, j).isCloseTo(near ? 0.1 : 0.0, within(1e-16));
            }
        }
    }

    @Test
    void valuesAreClampedToTheUnitInterval() {
        // uniform a = b = 0.9, c = 0.1, alpha = beta = gamma = 3:
        //   a' = 0.9 (1 + 2.7 - 0.3) = 3.06 -> 1;  b' = 0.9 (1 + 0.3 - 2.7) = -1.26 -> 0;
        //   c' = 0.1 (1 + 2.7 - 2.7) = 0.1
        BzLattice l = new BzLattice(4, new CyclicReaction(3, 3, 3));
        l.reset(filled(16, 0.9), filled(16, 0.9), filled(16, 0.1));
        l.advance(1);
        assertThat(l.value(0, 2, 1)).isEqualTo(1.0);
        assertThat(l.value(1, 2, 1)).isEqualTo(0.0);
        assertThat(l.value(2, 2, 1)).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void staysInTheUnitIntervalForAnyRatesAndStates() {
        double[] rates = {0.05, 1.0, 3.0};
        for (double alpha : rates) {
            for (double gamma : rates) {
                BzLattice l = lattice(random(9, 0, 1, 3), new CyclicReaction(alpha, 1.3, gamma));
                for (int t = 0; t < 30; t++) {
                    l.advance(1);
                    for (double[][] species : state(l, 9)) {
                        for (double[] row : species) {
                            for (double v : row) {
                                assertThat(v).isBetween(0.0, 1.0);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void agreesWithTheReferenceUpdate() {
        double[][][] x = random(6, 0, 1, 7);
        BzLattice l = lattice(x, new CyclicReaction(1.2, 0.8, 1.0));
        for (int t = 0; t < 10; t++) {
            x = Reference.step(x, 1.2, 0.8, 1.0);
            l.advance(1);
            for (int s = 0; s < 3; s++) {
                for (int i = 0; i < 6; i++) {
                    for (int j = 0; j < 6; j++) {
                        assertThat(l.value(s, i, j)).isCloseTo(x[s][i][j], within(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void uniformStateFollowsTheZeroDimensionalMap() {
        double a = 0.3;
        double b = 0.5;
        double c = 0.2;
        BzLattice l = new BzLattice(4, new CyclicReaction(1.1, 0.9, 1.0));
        l.reset(filled(16, a), filled(16, b), filled(16, c));
        for (int t = 0; t < 20; t++) {
            double na = Math.max(0, Math.min(1, a + a * (1.1 * b - 1.0 * c)));
            double nb = Math.max(0, Math.min(1, b + b * (0.9 * c - 1.1 * a)));
            double nc = Math.max(0, Math.min(1, c + c * (1.0 * a - 0.9 * b)));
            a = na;
            b = nb;
            c = nc;
            l.advance(1);
            for (int k = 0; k < 16; k++) {
                assertThat(l.value(0, k / 4, k % 4)).isCloseTo(a, within(1e-12));
                assertThat(l.value(1, k / 4, k % 4)).isCloseTo(b, within(1e-12));
                assertThat(l.value(2, k / 4, k % 4)).isCloseTo(c, within(1e-12));
            }
        }
    }

    @Test
    void totalConcentrationIsConservedWhileNothingIsClamped() {
        // a + b + c after an update equals the 3 x 3 mean of a + b + c (the reaction terms cancel),
        // so the lattice total is conserved as long as no value is clamped
        int n = 7;
        double[][][] x = random(n, 0.2, 0.4, 9);
        BzLattice l = lattice(x, new CyclicReaction(0.5, 0.7, 0.6));
        double before = total(x);
        for (int t = 0; t < 5; t++) {
            double[][][] prev = state(l, n);
            l.advance(1);
            double[][][] now = state(l, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double mean = 0;
                    for (int di = -1; di <= 1; di++) {
                        for (int dj = -1; dj <= 1; dj++) {
                            int ii = Math.floorMod(i + di, n);
                            int jj = Math.floorMod(j + dj, n);
                            mean += (prev[0][ii][jj] + prev[1][ii][jj] + prev[2][ii][jj]) / 9;
                        }
                    }
                    for (int s = 0; s < 3; s++) {
                        assertThat(now[s][i][j]).as("no clamping in this test").isStrictlyBetween(0.0, 1.0);
                    }
                    assertThat(now[0][i][j] + now[1][i][j] + now[2][i][j]).isCloseTo(mean, within(1e-14));
                }
            }
            assertThat(total(now)).isCloseTo(before, within(1e-12));
        }
    }

    @Test
    void clampingBreaksConservationAtTheDefaultRates() {
        double[][][] x = random(16, 0, 1, 4);
        BzLattice l = lattice(x, new CyclicReaction(1, 1, 1));
        l.advance(40);
        assertThat(Math.abs(total(state(l, 16)) - total(x))).isGreaterThan(1.0);
    }

    @Test
    void commutesWithLatticeTranslations() {
        int n = 7;
        double[][][] x = random(n, 0, 1, 5);
        double[][][] shifted = new double[3][n][n];
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    shifted[s][(i + 2) % n][(j + 3) % n] = x[s][i][j];
                }
            }
        }
        BzLattice plain = lattice(x, new CyclicReaction(1.2, 1, 0.9));
        BzLattice moved = lattice(shifted, new CyclicReaction(1.2, 1, 0.9));
        plain.advance(6);
        moved.advance(6);
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(moved.value(s, (i + 2) % n, (j + 3) % n)).isEqualTo(plain.value(s, i, j));
                }
            }
        }
    }

    @Test
    void equalRatesCommuteWithCyclingTheSpecies() {
        // with alpha = beta = gamma the map is invariant under (a, b, c) -> (b, c, a)
        int n = 6;
        double[][][] x = random(n, 0, 1, 6);
        BzLattice plain = lattice(x, new CyclicReaction(1.3, 1.3, 1.3));
        BzLattice cycled = lattice(new double[][][] {x[1], x[2], x[0]}, new CyclicReaction(1.3, 1.3, 1.3));
        plain.advance(5);
        cycled.advance(5);
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(cycled.value(s, i, j)).isEqualTo(plain.value((s + 1) % 3, i, j));
                }
            }
        }
    }

    @Test
    void rejectsNonPositiveRatesAndWrongSizes() {
        assertThatThrownBy(() -> new CyclicReaction(0, 1, 1)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new BzLattice(4, new CyclicReaction(1, 1, 1)).reset(new double[15], new double[16],
                new double[16])).hasMessageContaining("16 cells");
    }

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    private static double total(double[][][] x) {
        double sum = 0;
        for (double[][] species : x) {
            for (double[] row : species) {
                for (double v : row) {
                    sum += v;
                }
            }
        }
        return sum;
    }
}
