package dev.nca.runtime.analyse.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Boundary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Recovery of known equations. The changes are computed here with their own loops (periodic
 * neighbours written out), not with {@link Fields}.
 */
class RuleRegressionTest {

    private static final int S = 16;

    /** The nine-point Laplacian on a periodic S x S lattice, written out independently of Fields. */
    private static double lap(double[] u, int i, int j) {
        double sum = 0;
        for (int di = -1; di <= 1; di++) {
            for (int dj = -1; dj <= 1; dj++) {
                double w = di == 0 && dj == 0 ? -3.0 : (di == 0 || dj == 0 ? 0.5 : 0.25);
                sum += w * u[Math.floorMod(i + di, S) * S + Math.floorMod(j + dj, S)];
            }
        }
        return sum;
    }

    private static double[] smoothRandom(SplittableRandom r, double offset, double amplitude) {
        double[] u = new double[S * S];
        double[] phases = {r.nextDouble() * 6.3, r.nextDouble() * 6.3, r.nextDouble() * 6.3};
        for (int i = 0; i < S; i++) {
            for (int j = 0; j < S; j++) {
                double x = 2 * Math.PI * i / S;
                double y = 2 * Math.PI * j / S;
                u[i * S + j] = offset + amplitude * (Math.sin(x + phases[0]) * Math.cos(2 * y + phases[1])
                        + 0.5 * Math.cos(3 * x - y + phases[2])) + 0.05 * amplitude * (r.nextDouble() - 0.5);
            }
        }
        return u;
    }

    @Test
    void recoversAKnownPolynomialPdeExactly() {
        // du = 0.1 lap(u) + 0.3 u - 0.5 u^3 + 0.2 u v ;  dv = -0.05 + 0.02 lap(v) - 0.4 u^2 v
        SplittableRandom r = new SplittableRandom(1);
        List<Transition> transitions = new ArrayList<>();
        for (int sample = 0; sample < 6; sample++) {
            double[] u = smoothRandom(r, 0.2, 1.0);
            double[] v = smoothRandom(r, 0.5, 0.7);
            double[][] change = new double[2][S * S];
            for (int i = 0; i < S; i++) {
                for (int j = 0; j < S; j++) {
                    int c = i * S + j;
                    change[0][c] = 0.1 * lap(u, i, j) + 0.3 * u[c] - 0.5 * u[c] * u[c] * u[c] + 0.2 * u[c] * v[c];
                    change[1][c] = -0.05 + 0.02 * lap(v, i, j) - 0.4 * u[c] * u[c] * v[c];
                }
            }
            transitions.add(new Transition(new Fields(List.of("u", "v"), new double[][] {u, v}, S, Boundary.PERIODIC),
                    change));
        }
        List<SparseFit> fits = new RuleRegression(TermLibrary.standard(List.of("u", "v"), 3),
                new SequentialThresholding(0.01, 20), 100_000).fit(transitions, new SplittableRandom(2));

        assertThat(fits.get(0).coefficients().keySet()).containsExactly("u", "u*v", "u^3", "lap(u)");
        assertCoefficients(fits.get(0).coefficients(), Map.of("u", 0.3, "u*v", 0.2, "u^3", -0.5, "lap(u)", 0.1));
        assertThat(fits.get(1).coefficients().keySet()).containsExactly("1", "u^2*v", "lap(v)");
        assertCoefficients(fits.get(1).coefficients(), Map.of("1", -0.05, "u^2*v", -0.4, "lap(v)", 0.02));
        assertThat(fits.get(0).r2()).isCloseTo(1.0, within(1e-12));
        assertThat(fits.get(1).libraryR2()).isCloseTo(1.0, within(1e-12));
        assertThat(fits.get(0).equation()).isEqualTo("d u = +0.30000 u +0.20000 u*v -0.50000 u^3 +0.10000 lap(u)");
    }

    @Test
    void recoversGrayScottConstantsFromSingleEulerSteps() {
        // one explicit Euler step of the Gray-Scott model written out here; the fitted coefficients are
        // dt D_A, dt D_B, dt feed and dt (kill + feed)
        double dt = 1.0;
        double da = 0.1;
        double db = 0.05;
        double feed = 0.0623;
        double kill = 0.06268;
        SplittableRandom r = new SplittableRandom(5);
        List<Transition> transitions = new ArrayList<>();
        for (int sample = 0; sample < 4; sample++) {
            double[] a = smoothRandom(r, 0.6, 0.3);
            double[] b = smoothRandom(r, 0.2, 0.15);
            double[][] change = new double[2][S * S];
            for (int i = 0; i < S; i++) {
                for (int j = 0; j < S; j++) {
                    int c = i * S + j;
                    double ab2 = a[c] * b[c] * b[c];
                    change[0][c] = dt * (da * lap(a, i, j) - ab2 + feed * (1 - a[c]));
                    change[1][c] = dt * (db * lap(b, i, j) + ab2 - (kill + feed) * b[c]);
                }
            }
            transitions.add(new Transition(new Fields(List.of("A", "B"), new double[][] {a, b}, S, Boundary.PERIODIC),
                    change));
        }
        List<SparseFit> fits = new RuleRegression(TermLibrary.standard(List.of("A", "B"), 3),
                new SequentialThresholding(0.01, 20), 100_000).fit(transitions, new SplittableRandom(2));

        Map<String, Double> fa = fits.get(0).coefficients();
        Map<String, Double> fb = fits.get(1).coefficients();
        assertThat(fa.keySet()).containsExactly("1", "A", "A*B^2", "lap(A)");
        assertThat(fb.keySet()).containsExactly("B", "A*B^2", "lap(B)");
        assertThat(fa.get("lap(A)") / dt).isCloseTo(da, within(0.01 * da));
        assertThat(fb.get("lap(B)") / dt).isCloseTo(db, within(0.01 * db));
        assertThat(fa.get("1") / dt).isCloseTo(feed, within(0.01 * feed));
        assertThat(-fa.get("A") / dt).isCloseTo(feed, within(0.01 * feed));
        assertThat(-fb.get("B") / dt - feed).isCloseTo(kill, within(0.01 * kill));
    }

    private static void assertCoefficients(Map<String, Double> got, Map<String, Double> want) {
        want.forEach((term, value) -> assertThat(got.get(term)).as(term).isCloseTo(value, within(1e-10)));
    }
}
