package dev.nca.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.Activation;
import dev.nca.api.Boundary;
import dev.nca.core.engine.reference.Nd4jReferenceEngineFactory;
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

/**
 * The ND4J-only reference engine and the stencil + GEMM engine compute the same rollouts and the
 * same gradients (parameters and start state): to float64 rounding in double precision, to
 * float32 rounding in single precision. Both draw the update masks in {@link UpdateMasks}' order,
 * so stochastic rollouts agree too.
 */
class EngineAgreementTest {

    private static final int S = 7;
    private static final int B = 3;
    private static final int STEPS = 5;

    static Stream<Arguments> configs() {
        List<Arguments> out = new ArrayList<>();
        for (Boundary boundary : Boundary.values()) {
            for (MaskMode mode : MaskMode.values()) {
                out.add(Arguments.of(boundary, mode, 0.5, null));
            }
            out.add(Arguments.of(boundary, MaskMode.CELL, 1.0, null));
            out.add(Arguments.of(boundary, MaskMode.CELL, 0.7, new AliveRule(1, 0.1)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} q={2} alive={3}")
    @MethodSource("configs")
    void rolloutsAndGradientsAgreeInFloat64(Boundary boundary, MaskMode mode, double q, AliveRule alive) {
        NcaConfig config = config(boundary, mode, q, alive, TestExtensions.tanh());
        Result want = run(new StencilGemmEngineFactory(), config, DataType.DOUBLE);
        Result got = run(new Nd4jReferenceEngineFactory(), config, DataType.DOUBLE);
        assertAgree(want, got, 1e-10);
    }

    @Test
    void rolloutsAndGradientsAgreeInFloat32WithRelu() {
        NcaConfig config = config(Boundary.PERIODIC, MaskMode.CELL, 0.5, null, TestExtensions.relu());
        Result want = run(new StencilGemmEngineFactory(), config, DataType.FLOAT);
        Result got = run(new Nd4jReferenceEngineFactory(), config, DataType.FLOAT);
        // float32: about 1e-7 relative per operation over a few hundred operations per value
        assertAgree(want, got, 1e-4);
    }

    @Test
    void anEngineRefusesAnotherEnginesRollout() {
        NcaConfig config = config(Boundary.ZERO, MaskMode.CELL, 1.0, null, TestExtensions.tanh());
        try (NcaEngine a = new StencilGemmEngineFactory().create(config, S, DataType.DOUBLE);
             NcaEngine b = new Nd4jReferenceEngineFactory().create(config, S, DataType.DOUBLE)) {
            NcaParameters p = NcaParameters.initialise(config, DataType.DOUBLE, new SplittableRandom(1), 1.0);
            INDArray start = EngineGradientTest.randomArray(new long[] {1, 4, S, S}, new SplittableRandom(3), 1.0);
            Rollout fromA = a.rollout(p, start, 2, new int[0], new SplittableRandom(1), true);
            NcaParameters grads = NcaParameters.zeros(config, DataType.DOUBLE);
            assertThatThrownBy(() -> b.backward(p, fromA, Map.of(2, start), grads))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("another engine");
            Rollout untaped = b.rollout(p, start, 2, new int[0], new SplittableRandom(1), false);
            assertThatThrownBy(() -> b.backward(p, untaped, Map.of(2, start), grads))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("without a tape");
        }
    }

    private static NcaConfig config(Boundary boundary, MaskMode mode, double q, AliveRule alive, Activation act) {
        return new NcaConfig(4, 2, 6, true, TestExtensions.asymmetric(), act, boundary, q, mode, alive);
    }

    private record Result(Map<Integer, INDArray> states, INDArray last, INDArray dStart, NcaParameters grads) {
    }

    private static Result run(EngineFactory factory, NcaConfig config, DataType dtype) {
        SplittableRandom r = new SplittableRandom(11);
        NcaParameters params = NcaParameters.initialise(config, DataType.DOUBLE, new SplittableRandom(1), 1.0);
        params.tensors().forEach((k, t) -> t.assign(EngineGradientTest.randomArray(t.shape(), r, 0.4)));
        INDArray start = EngineGradientTest.randomArray(new long[] {B, config.channels(), S, S}, r, 1.0);
        INDArray w = EngineGradientTest.randomArray(new long[] {B, config.channels(), S, S}, r, 1.0);
        try (NcaEngine engine = factory.create(config, S, dtype)) {
            NcaParameters p = params.castTo(dtype);
            Rollout roll = engine.rollout(p, start.castTo(dtype), STEPS, new int[] {1, 3}, new SplittableRandom(5), true);
            NcaParameters grads = NcaParameters.zeros(config, dtype);
            INDArray dStart = engine.backward(p, roll, Map.of(3, w.castTo(dtype), STEPS, roll.finalState()), grads);
            return new Result(roll.states(), roll.finalState(), dStart, grads);
        }
    }

    private static void assertAgree(Result want, Result got, double tolerance) {
        assertThat(got.states().keySet()).isEqualTo(want.states().keySet());
        want.states().forEach((step, s) -> assertClose("state at step " + step, s, got.states().get(step), tolerance));
        assertClose("final state", want.last(), got.last(), tolerance);
        assertClose("d/d start", want.dStart(), got.dStart(), tolerance);
        want.grads().tensors().forEach((name, g) -> assertClose("d/d " + name, g, got.grads().tensors().get(name),
                tolerance));
    }

    private static void assertClose(String what, INDArray want, INDArray got, double tolerance) {
        assertThat(got.shape()).as(what + " shape").isEqualTo(want.shape());
        double scale = Math.max(1.0, want.amaxNumber().doubleValue());
        double diff = want.castTo(DataType.DOUBLE).sub(got.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertThat(diff).as("%s: largest difference (scale %s)", what, scale).isLessThanOrEqualTo(tolerance * scale);
    }
}
