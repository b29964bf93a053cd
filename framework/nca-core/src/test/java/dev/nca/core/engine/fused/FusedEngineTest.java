package dev.nca.core.engine.fused;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.Activation;
import dev.nca.api.Boundary;
import dev.nca.api.Kernels;
import dev.nca.core.engine.EngineFactory;
import dev.nca.core.engine.FloatRowOps;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.engine.Rollout;
import dev.nca.core.engine.StencilGemmEngineFactory;
import dev.nca.core.model.AliveRule;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.support.TestExtensions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused engine is float32 only, so its rollouts and hand-written gradients are checked against
 * the stencil + GEMM engine run in float64 (whose gradients {@code EngineGradientTest} checks
 * against finite differences in float64), to float32 rounding: every boundary, both mask modes with
 * q < 1 (both engines draw the masks in the same order), sparse and dense stencils, with and
 * without b2, with the SIMD kernels (when the JVM has the Vector API, as the build's tests do) and
 * with the scalar ones. Lattice sides that are not a multiple of the tile or vector width exercise
 * the tails. The variant whose tape keeps the pre-activations agrees too.
 */
class FusedEngineTest {

    private static final int B = 3;
    private static final int STEPS = 5;

    static Stream<Arguments> configs() {
        List<Arguments> out = new ArrayList<>();
        for (Boundary boundary : Boundary.values()) {
            for (MaskMode mode : MaskMode.values()) {
                out.add(Arguments.of(boundary, mode, 0.5, true, TestExtensions.asymmetric(), TestExtensions.tanh(), 7));
            }
            out.add(Arguments.of(boundary, MaskMode.CELL, 1.0, false, TestExtensions.idLap(), TestExtensions.tanh(), 21));
        }
        out.add(Arguments.of(Boundary.PERIODIC, MaskMode.CELL, 1.0, false, TestExtensions.idLap(), TestExtensions.relu(),
                64));
        out.add(Arguments.of(Boundary.ZERO, MaskMode.CELL, 0.5, true, TestExtensions.asymmetric(), TestExtensions.relu(),
                20));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} q={2} b2={3} {4} {5} S={6}")
    @MethodSource("configs")
    void agreesWithTheStencilGemmEngineInFloat64(Boundary boundary, MaskMode mode, double q, boolean bias,
                                                  Kernels kernels, Activation act, int size) {
        NcaConfig config = new NcaConfig(4, 2, 12, bias, kernels, act, boundary, q, mode, null);
        Result want = run(new StencilGemmEngineFactory().create(config, size, DataType.DOUBLE), config, size);
        for (TileKernels k : List.of(TileKernels.select(), new ScalarTileKernels())) {
            Result got = run(new FusedEngine(config, size, k, FloatRowOps.select(), false), config, size);
            assertAgree(want, got, 2e-4, k.describe());
        }
        Result hiddenTape = run(new FusedEngine(config, size, TileKernels.select(), FloatRowOps.select(), true),
                config, size);
        assertAgree(want, hiddenTape, 2e-4, "hidden-layer tape");
    }

    @Test
    void factoryDeclinesWhatTheEngineCannotRun() {
        EngineFactory f = new FusedEngineFactory();
        NcaConfig plain = new NcaConfig(4, 2, 8, true, TestExtensions.idLap(), TestExtensions.relu(), Boundary.ZERO,
                1.0, MaskMode.CELL, null);
        NcaConfig alive = new NcaConfig(4, 2, 8, true, TestExtensions.idLap(), TestExtensions.relu(), Boundary.ZERO,
                1.0, MaskMode.CELL, new AliveRule(1, 0.1));
        assertThat(f.supports(plain, DataType.FLOAT)).isTrue();
        assertThat(f.supports(plain, DataType.DOUBLE)).isFalse();
        assertThat(f.supports(alive, DataType.FLOAT)).isFalse();
        assertThatThrownBy(() -> f.create(alive, 8, DataType.FLOAT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alive masking");
    }

    @Test
    void aTapeIsInvalidatedByTheNextTapedRolloutOfTheSameBatchSize() {
        NcaConfig config = new NcaConfig(4, 2, 8, true, TestExtensions.idLap(), TestExtensions.relu(), Boundary.ZERO,
                1.0, MaskMode.CELL, null);
        try (NcaEngine e = new FusedEngineFactory().create(config, 6, DataType.FLOAT)) {
            NcaParameters p = NcaParameters.initialise(config, DataType.FLOAT, new SplittableRandom(1), 1.0);
            INDArray start = random(new long[] {2, 4, 6, 6}, new SplittableRandom(2)).castTo(DataType.FLOAT);
            Rollout first = e.rollout(p, start, 2, new int[0], new SplittableRandom(1), true);
            e.rollout(p, start, 2, new int[0], new SplittableRandom(1), true);
            assertThatThrownBy(() -> e.backward(p, first, Map.of(2, start), NcaParameters.zeros(config, DataType.FLOAT)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("overwritten");
        }
    }

    private record Result(Map<Integer, INDArray> states, INDArray last, INDArray dStart, NcaParameters grads) {
    }

    private static Result run(NcaEngine engine, NcaConfig config, int size) {
        SplittableRandom r = new SplittableRandom(11);
        NcaParameters params = NcaParameters.initialise(config, DataType.DOUBLE, new SplittableRandom(1), 1.0);
        params.tensors().forEach((k, t) -> t.assign(random(t.shape(), r).muli(0.4)));
        INDArray start = random(new long[] {B, config.channels(), size, size}, r);
        INDArray w = random(new long[] {B, config.channels(), size, size}, r);
        DataType dtype = engine.dataType();
        try (engine) {
            NcaParameters p = params.castTo(dtype);
            Rollout roll = engine.rollout(p, start.castTo(dtype), STEPS, new int[] {1, 3}, new SplittableRandom(5), true);
            NcaParameters grads = NcaParameters.zeros(config, dtype);
            INDArray dStart = engine.backward(p, roll, Map.of(3, w.castTo(dtype), STEPS, roll.finalState()), grads);
            return new Result(roll.states(), roll.finalState(), dStart, grads);
        }
    }

    private static void assertAgree(Result want, Result got, double tolerance, String kernels) {
        assertThat(got.states().keySet()).isEqualTo(want.states().keySet());
        want.states().forEach((step, s) -> assertClose(kernels + " state at step " + step, s, got.states().get(step),
                tolerance));
        assertClose(kernels + " final state", want.last(), got.last(), tolerance);
        assertClose(kernels + " d/d start", want.dStart(), got.dStart(), tolerance);
        want.grads().tensors().forEach((name, g) -> assertClose(kernels + " d/d " + name, g,
                got.grads().tensors().get(name), tolerance));
    }

    private static void assertClose(String what, INDArray want, INDArray got, double tolerance) {
        assertThat(got.shape()).as(what + " shape").isEqualTo(want.shape());
        double scale = Math.max(1.0, want.amaxNumber().doubleValue());
        double diff = want.castTo(DataType.DOUBLE).sub(got.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertThat(diff).as("%s: largest difference (scale %s)", what, scale).isLessThanOrEqualTo(tolerance * scale);
    }

    static INDArray random(long[] shape, SplittableRandom r) {
        INDArray a = Nd4j.create(DataType.DOUBLE, shape);
        for (int i = 0; i < a.length(); i++) {
            a.putScalar(i, 2 * r.nextDouble() - 1);
        }
        return a;
    }
}
