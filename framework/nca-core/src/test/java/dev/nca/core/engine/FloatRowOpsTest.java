package dev.nca.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Boundary;
import dev.nca.api.Kernels;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.support.TestExtensions;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The float32 stencil loops: the SIMD implementation against the plain one element by element,
 * and whole float32 rollouts and backward passes (with either) against the float64 engine, whose
 * gradient is checked against finite differences in {@link NcaEngineGradientTest}.
 */
class FloatRowOpsTest {

    /** The build runs tests with the Vector API module (surefire argLine), as bin/nca runs training. */
    private static FloatRowOps vector() {
        FloatRowOps ops = FloatRowOps.select();
        assertThat(ops).as("run the tests with --add-modules jdk.incubator.vector, as the build's surefire"
                + " configuration does").isInstanceOf(VectorFloatRowOps.class);
        return ops;
    }

    @Test
    void vectorLoopsMatchTheScalarLoopsForEveryLengthAndOffset() {
        FloatRowOps vector = vector();
        FloatRowOps scalar = new ScalarFloatRowOps();
        SplittableRandom r = new SplittableRandom(5);
        float[] w = new float[9];
        for (int i = 0; i < 9; i++) {
            w[i] = (float) (2 * r.nextDouble() - 1);
        }
        for (int n = 0; n <= 70; n++) {
            int stride = n + 2 + r.nextInt(3);
            float[] src = random(r, 3 * stride + 5);
            float[] base = random(r, n + 7);
            int d = r.nextInt(4);
            int s = r.nextInt(3);
            float[] a = base.clone();
            float[] b = base.clone();
            vector.stencilRow(a, d, src, s, stride, w, n);
            scalar.stencilRow(b, d, src, s, stride, w, n);
            assertClose(a, b, "stencilRow n=" + n);
            vector.axpy(a, d, src, s, -0.75f, n);
            scalar.axpy(b, d, src, s, -0.75f, n);
            assertClose(a, b, "axpy n=" + n);
            vector.add(a, d, src, s, n);
            scalar.add(b, d, src, s, n);
            assertClose(a, b, "add n=" + n);
            // nothing outside [d, d + n) is touched
            for (int i = 0; i < base.length; i++) {
                if (i < d || i >= d + n) {
                    assertThat(a[i]).isEqualTo(base[i]);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Boundary.class)
    void float32RolloutAndGradientsAgreeWithFloat64WithEitherLoops(Boundary boundary) {
        // S = 19: rows of 19 cells exercise both the vector body and the scalar tail
        int s = 19;
        Kernels kernels = Kernels.of(List.of("identity", "laplacian", "lopsided", "sobel-x"), new double[][][] {
            TestExtensions.IDENTITY, TestExtensions.LAPLACIAN, TestExtensions.LOPSIDED, TestExtensions.SOBEL_X});
        NcaConfig config = new NcaConfig(3, 2, 6, true, kernels, TestExtensions.tanh(), boundary, 1.0,
                MaskMode.CELL);
        SplittableRandom r = new SplittableRandom(11);
        NcaParameters p64 = NcaParameters.initialise(config, DataType.DOUBLE, new SplittableRandom(3), 1.0);
        p64.w1().assign(EngineGradientTest.randomArray(p64.w1().shape(), r, 0.3));
        p64.v().assign(EngineGradientTest.randomArray(p64.v().shape(), r, 0.1));
        p64.b2().assign(EngineGradientTest.randomArray(p64.b2().shape(), r, 0.3));
        INDArray x64 = EngineGradientTest.randomArray(new long[] {2, 3, s, s}, r, 1);
        INDArray g64 = EngineGradientTest.randomArray(new long[] {2, 3, s, s}, r, 1);
        Result want = run(new StencilGemmEngine(config, s, DataType.DOUBLE, new ScalarFloatRowOps()), p64, x64, g64);
        for (FloatRowOps ops : new FloatRowOps[] {new ScalarFloatRowOps(), vector()}) {
            NcaParameters p32 = NcaParameters.zeros(config, DataType.FLOAT);
            p32.assign(p64);
            Result got = run(new StencilGemmEngine(config, s, DataType.FLOAT, ops), p32, x64.castTo(DataType.FLOAT),
                    g64.castTo(DataType.FLOAT));
            String what = ops.describe() + ", " + boundary;
            assertRelativelyClose(got.state, want.state, what + ": state after 3 steps");
            assertRelativelyClose(got.dStart, want.dStart, what + ": gradient of the start state");
            for (Map.Entry<String, INDArray> e : want.grads.tensors().entrySet()) {
                assertRelativelyClose(got.grads.tensors().get(e.getKey()), e.getValue(), what + ": gradient of "
                        + e.getKey());
            }
        }
    }

    private record Result(INDArray state, INDArray dStart, NcaParameters grads) {
    }

    private static Result run(NcaEngine engine, NcaParameters p, INDArray x, INDArray g) {
        Rollout rollout = engine.rollout(p, x, 3, new int[] {3}, new SplittableRandom(0), true);
        NcaParameters grads = NcaParameters.zeros(engine.config(), p.dataType());
        INDArray dStart = engine.backward(p, rollout, Map.of(3, g), grads);
        return new Result(rollout.finalState().castTo(DataType.DOUBLE), dStart.castTo(DataType.DOUBLE), grads);
    }

    private static void assertRelativelyClose(INDArray got, INDArray want, String what) {
        INDArray g = got.castTo(DataType.DOUBLE);
        double scale = want.norm2Number().doubleValue();
        assertThat(scale).as(what + " is not trivially zero").isGreaterThan(1e-3);
        assertThat(g.sub(want).norm2Number().doubleValue() / scale).as(what).isLessThan(2e-6);
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (2 * r.nextDouble() - 1);
        }
        return a;
    }

    private static void assertClose(float[] a, float[] b, String what) {
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as(what + " at " + i).isCloseTo(b[i], within(1e-5f));
        }
    }
}
