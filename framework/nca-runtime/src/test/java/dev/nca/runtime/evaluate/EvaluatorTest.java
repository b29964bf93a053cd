package dev.nca.runtime.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Trajectories;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class EvaluatorTest {

    private static final int R = 2;
    private static final int T = 3;
    private static final int C = 2;
    private static final int S = 3;
    private static final int SPACING = 2;

    /** Hand-made data y[r][t][c][i][j]; trajectory 1 is all zero at frame 2. */
    private static double[][][][][] truthValues() {
        double[][][][][] y = new double[R][T][C][S][S];
        for (int r = 0; r < R; r++) {
            for (int t = 0; t < T; t++) {
                for (int c = 0; c < C; c++) {
                    for (int i = 0; i < S; i++) {
                        for (int j = 0; j < S; j++) {
                            y[r][t][c][i][j] = (r == 1 && t == 2) ? 0.0
                                    : Math.sin(1.3 * (r + 1) + 0.7 * t + 0.11 * c + 0.37 * i - 0.23 * j) + 0.1 * t;
                        }
                    }
                }
            }
        }
        return y;
    }

    private static Trajectories trajectories(double[][][][][] y) {
        double[] flat = new double[R * T * C * S * S];
        int k = 0;
        for (double[][][][] r : y) {
            for (double[][][] t : r) {
                for (double[][] c : t) {
                    for (double[] i : c) {
                        for (double v : i) {
                            flat[k++] = v;
                        }
                    }
                }
            }
        }
        return new Trajectories(Nd4j.create(flat, new long[] {R, T, C, S, S}, DataType.DOUBLE), List.of("p", "q"),
                SPACING, Optional.empty(), Optional.empty(), -1, 2);
    }

    @Test
    void errorsMatchAHandComputedDriftRollout() {
        double[][][][][] y = truthValues();
        Evaluator evaluator = new Evaluator(DriftModel.engine(S), DriftModel.parameters());
        Evaluation e = evaluator.evaluate(trajectories(y), SPACING, 1L);

        // independent calculation: the drift model gives x_obs(n) = y(r, 0) + n v exactly
        double[][] error = new double[T][R];
        double[][] norm = new double[T][R];
        for (int t = 0; t < T; t++) {
            int steps = t * SPACING;
            for (int r = 0; r < R; r++) {
                double squared = 0;
                double truthSquared = 0;
                for (int c = 0; c < C; c++) {
                    for (int i = 0; i < S; i++) {
                        for (int j = 0; j < S; j++) {
                            double x = y[r][0][c][i][j] + steps * DriftModel.V[c];
                            squared += (x - y[r][t][c][i][j]) * (x - y[r][t][c][i][j]);
                            truthSquared += y[r][t][c][i][j] * y[r][t][c][i][j];
                        }
                    }
                }
                error[t][r] = Math.sqrt(squared);
                norm[t][r] = Math.sqrt(truthSquared);
            }
        }

        assertThat(e.steps()).containsExactly(0, 2, 4);
        assertThat(e.trajectories()).isEqualTo(R);
        double[] mean = e.meanError();
        double[] relative = e.meanRelativeError();
        assertThat(mean[0]).isEqualTo(0.0);
        assertThat(relative[0]).isEqualTo(0.0);
        for (int t = 0; t < T; t++) {
            assertThat(mean[t]).isCloseTo((error[t][0] + error[t][1]) / 2, within(1e-12));
            for (int r = 0; r < R; r++) {
                assertThat(e.error()[t][r]).isCloseTo(error[t][r], within(1e-12));
                assertThat(e.truthNorm()[t][r]).isCloseTo(norm[t][r], within(1e-12));
            }
        }
        assertThat(relative[1]).isCloseTo((error[1][0] / norm[1][0] + error[1][1] / norm[1][1]) / 2, within(1e-12));
        // trajectory 1's frame 2 is zero: only trajectory 0 counts for the relative error there
        assertThat(norm[2][1]).isZero();
        assertThat(error[2][1]).isGreaterThan(0);
        assertThat(relative[2]).isCloseTo(error[2][0] / norm[2][0], within(1e-12));
    }

    @Test
    void keepsTrajectoryZerosPredictionAtEveryFrameTime() {
        double[][][][][] y = truthValues();
        Evaluator evaluator = new Evaluator(DriftModel.engine(S), DriftModel.parameters());
        Evaluation e = evaluator.evaluate(trajectories(y), SPACING, 1L);

        assertThat(e.prediction().shape()).containsExactly(T, C, S, S);
        for (int t = 0; t < T; t++) {
            for (int c = 0; c < C; c++) {
                assertThat(e.prediction().getDouble(t, c, 1, 2))
                        .isCloseTo(y[0][0][c][1][2] + t * SPACING * DriftModel.V[c], within(1e-12));
            }
        }
    }

    @Test
    void relativeErrorIsNanWhenEveryDataFrameIsZero() {
        Evaluation e = new Evaluation(new long[] {0, 1}, new double[][] {{0, 0}, {3, 5}},
                new double[][] {{1, 2}, {0, 0}}, Nd4j.zeros(DataType.DOUBLE, 2, 1, 1, 1));

        assertThat(e.meanError()).containsExactly(0.0, 4.0);
        assertThat(e.meanRelativeError()[0]).isEqualTo(0.0);
        assertThat(e.meanRelativeError()[1]).isNaN();
        assertThat(e.indexOf(1)).isEqualTo(1);
        assertThat(e.indexOf(2)).isEqualTo(-1);
    }

    @Test
    void wrongFractionsCountValuesOnDifferentSidesOfTheThreshold() {
        // sample 0: x (0.9, 0.2, 0.6, 0.5) vs y (1, 0, 0, 1): cells 2 and 3 differ (0.5 is not > 0.5)
        // sample 1: x (0, 0, 0, 0) vs y (0, 0, 0, 1): one of four differs
        var x = Nd4j.create(new float[] {0.9f, 0.2f, 0.6f, 0.5f, 0, 0, 0, 0}, new long[] {2, 1, 2, 2}, DataType.FLOAT);
        var y = Nd4j.create(new double[] {1, 0, 0, 1, 0, 0, 0, 1}, new long[] {2, 1, 2, 2}, DataType.DOUBLE);
        assertThat(Evaluator.wrongFractions(x, y, 0.5)).containsExactly(0.5, 0.25);
        // a diverged (NaN) prediction is wrong even where the data are 0
        var diverged = Nd4j.create(new double[] {Double.NaN, 0, 0, 1}, new long[] {1, 1, 2, 2}, DataType.DOUBLE);
        var dead = Nd4j.zeros(DataType.DOUBLE, 1, 1, 2, 2);
        assertThat(Evaluator.wrongFractions(diverged, dead, 0.5)).containsExactly(0.5);
    }

    @Test
    void euclideanNormsArePerSample() {
        // sample 0 holds 3 and 4 (norm 5), sample 1 holds 1, 2, 2 (norm 3), float32 input
        var batch = Nd4j.create(new float[] {3, 0, 4, 0, 1, 2, 0, 2}, new long[] {2, 2, 2}, DataType.FLOAT);

        assertThat(Evaluator.euclideanNorms(batch)).containsExactly(5.0, 3.0);
    }
}
