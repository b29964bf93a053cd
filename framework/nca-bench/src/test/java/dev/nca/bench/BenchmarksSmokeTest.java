package dev.nca.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.core.engine.Rollout;
import dev.nca.core.model.NcaParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each benchmark state set up and each benchmark method called once, on shapes small enough to
 * keep the module's tests to a few seconds; the results are checked against plain Java loops.
 */
class BenchmarksSmokeTest {

    private static Blackhole blackhole() {
        return new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"paper", "large"})
    void forwardStepRuns(String shape) {
        ForwardStepBenchmark b = new ForwardStepBenchmark();
        b.shape = shape;
        b.size = 16;
        b.block = 2;
        b.setUp();
        b.forwardStep(blackhole());
    }

    @ParameterizedTest
    @ValueSource(strings = {"paper", "large"})
    void rolloutAndBackwardGiveFiniteNonZeroGradients(String shape) {
        RolloutBenchmark b = new RolloutBenchmark();
        b.shape = shape;
        b.size = 16;
        b.block = 2;
        b.steps = 3;
        b.setUp();
        Blackhole bh = blackhole();
        b.rolloutWithTape(bh);
        b.rolloutAndBackward(bh);
        NcaParameters g = b.gradients();
        for (INDArray t : g.list()) {
            assertThat(t.isNaN().any() || t.isInfinite().any()).isFalse();
        }
        assertThat(g.w1().norm2Number().doubleValue()).isPositive();
        assertThat(g.w2().norm2Number().doubleValue()).isPositive();
    }

    /** Each tile kernel once, against plain loops over the same arrays (float32 rounding). */
    @ParameterizedTest
    @ValueSource(strings = {"paper", "large"})
    void tileKernelsMatchPlainLoops(String shape) {
        TileKernelBenchmark b = new TileKernelBenchmark();
        b.shape = shape;
        b.tile = 40;
        b.setUp();
        b.projectForward();
        b.projectBackward();
        b.accumulateOuter();
        ModelShape m = ModelShape.parse(shape);
        int ck = m.channels() * m.kernelCount();
        int h = m.hidden();
        int n = 40;
        float[][] in = b.inputs();
        float[][] out = b.outputs();
        int lanes = b.kernels().lanes();
        for (int o = 0; o < h; o++) {
            for (int j = 0; j < n; j++) {
                double want = 0;
                for (int i = 0; i < ck; i++) {
                    want += in[0][i * h + o] * in[2][i * n + j];
                }
                assertThat((double) out[0][o * n + j]).isCloseTo(want, within(1e-4));
            }
        }
        for (int o = 0; o < ck; o++) {
            for (int j = 0; j < n; j++) {
                double want = 0;
                for (int i = 0; i < h; i++) {
                    want += in[1][i * ck + o] * in[3][i * n + j];
                }
                assertThat((double) out[1][o * n + j]).isCloseTo(want, within(1e-4));
            }
        }
        for (int r = 0; r < ck; r++) {
            for (int s = 0; s < h; s++) {
                double want = 0;
                for (int j = 0; j < n; j++) {
                    want += in[2][r * n + j] * in[3][s * n + j];
                }
                double got = 0;
                for (int l = 0; l < lanes; l++) {
                    got += out[2][(r * h + s) * lanes + l];
                }
                assertThat(got).isCloseTo(want, within(1e-4));
            }
        }
    }

    @Test
    void paperRolloutOf32StepsChangesTheStateAndStaysFinite() {
        EngineFixture f = new EngineFixture(ModelShape.PAPER, 32, 2);
        Rollout r = f.engine.rollout(f.params, f.start, 32, new int[0], new java.util.SplittableRandom(1), false);
        INDArray end = r.finalState();
        assertThat(end.isNaN().any() || end.isInfinite().any()).isFalse();
        assertThat(end.sub(f.start).amaxNumber().doubleValue()).isGreaterThan(1e-3).isLessThan(10.0);
    }

    @Test
    void weightGradientGemmsAccumulateTheProductsOfTheirInputs() {
        WeightGradientGemmBenchmark b = new WeightGradientGemmBenchmark();
        b.shape = "paper";
        b.size = 8;
        b.block = 2;
        b.setUp();
        Blackhole bh = blackhole();
        b.hiddenToChannel(bh);
        b.hiddenToChannel(bh);
        b.perceptionToHidden(bh);
        INDArray[] in = b.inputs();
        // called twice with beta = 1: twice the product
        assertProduct(b.w1Gradient(), in[0], in[1], 2.0);
        assertProduct(b.w2Gradient(), in[2], in[3], 1.0);
        assertThat(b.w1Gradient().shape()).containsExactly(32, 8);
        assertThat(b.w2Gradient().shape()).containsExactly(16, 32);
    }

    @Test
    void sgemmMultipliesItsMatrices() {
        SgemmPeakBenchmark b = new SgemmPeakBenchmark();
        b.n = 24;
        b.setUp();
        b.sgemm(blackhole());
        INDArray[] m = b.arrays();
        double[][] x = m[0].toDoubleMatrix();
        double[][] y = m[1].toDoubleMatrix();
        double[][] z = m[2].toDoubleMatrix();
        for (int i = 0; i < 24; i++) {
            for (int j = 0; j < 24; j++) {
                double expected = 0;
                for (int k = 0; k < 24; k++) {
                    expected += x[i][k] * y[k][j];
                }
                assertThat(z[i][j]).isCloseTo(expected, within(1e-4));
            }
        }
    }

    @Test
    void unknownShapeIsRejectedWithTheAllowedNames() {
        ForwardStepBenchmark b = new ForwardStepBenchmark();
        b.shape = "huge";
        b.size = 16;
        b.block = 1;
        assertThatThrownBy(b::setUp).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'huge'").hasMessageContaining("paper").hasMessageContaining("large");
    }

    /** {@code out == factor * p q^T}, by a Java loop in double. */
    private static void assertProduct(INDArray out, INDArray p, INDArray q, double factor) {
        double[][] a = p.toDoubleMatrix();
        double[][] b = q.toDoubleMatrix();
        double[][] c = out.toDoubleMatrix();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double expected = 0;
                for (int n = 0; n < a[i].length; n++) {
                    expected += a[i][n] * b[j][n];
                }
                assertThat(c[i][j]).isCloseTo(factor * expected, within(1e-3));
            }
        }
    }

    @Test
    void stencilsHaveThePaperFactors() {
        double[][][] paper = ModelShape.PAPER.kernels().stencils();
        double[][][] large = ModelShape.LARGE.kernels().stencils();
        assertThat(paper).hasNumberOfRows(2);
        assertThat(large).hasNumberOfRows(4);
        // Laplacian 1/4 [[1, 2, 1], [2, -12, 2], [1, 2, 1]] sums to zero; Sobel rows/columns are antisymmetric
        assertThat(paper[1][1][1]).isEqualTo(-3.0);
        assertThat(java.util.Arrays.stream(paper[1]).flatMapToDouble(java.util.Arrays::stream).sum()).isZero();
        assertThat(large[1][0]).containsExactly(0.125, 0.25, 0.125);
        assertThat(large[1][2]).containsExactly(-0.125, -0.25, -0.125);
        assertThat(large[2][1]).containsExactly(0.25, 0.0, -0.25);
        assertThat(ModelShape.PAPER.kernels().names()).containsExactly("identity", "laplacian");
    }
}
