package dev.nca.runtime.analyse.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {

    @Test
    void solvesAnExactSystem() {
        // y = 2 - 3 x + 0.5 x^2 at x = 0..4
        double[][] cols = {{1, 1, 1, 1, 1}, {0, 1, 2, 3, 4}, {0, 1, 4, 9, 16}};
        double[] y = new double[5];
        for (int i = 0; i < 5; i++) {
            y[i] = 2 - 3 * i + 0.5 * i * i;
        }
        assertThat(LeastSquares.solve(cols, y)).containsExactly(new double[] {2, -3, 0.5}, within(1e-12));
    }

    @Test
    void overdeterminedSolutionSatisfiesTheNormalEquations() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] cols = new double[4][50];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 4; j++) {
                cols[j][i] = r.nextDouble() - 0.5;
            }
            y[i] = r.nextDouble();
        }
        double[] w = LeastSquares.solve(cols, y);
        // X^T (y - X w) = 0: the residual is orthogonal to every column
        for (double[] col : cols) {
            double dot = 0;
            for (int i = 0; i < 50; i++) {
                double fit = 0;
                for (int j = 0; j < 4; j++) {
                    fit += cols[j][i] * w[j];
                }
                dot += col[i] * (y[i] - fit);
            }
            assertThat(dot).isCloseTo(0.0, within(1e-12));
        }
    }

    @Test
    void aRepeatedColumnGetsCoefficientZero() {
        double[][] cols = {{1, 2, 3, 4}, {1, 2, 3, 4}, {1, 0, 1, 0}};
        double[] w = LeastSquares.solve(cols, new double[] {3, 4, 7, 8});
        assertThat(w[0]).isCloseTo(2.0, within(1e-12));
        assertThat(w[1]).isEqualTo(0.0);
        assertThat(w[2]).isCloseTo(1.0, within(1e-12));
    }
}
