package dev.nca.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.Boundary;
import dev.nca.core.engine.fused.FusedEngineFactory;
import dev.nca.core.model.AliveRule;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.support.TestExtensions;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient checkpointing changes memory and time, not results: with q = 1 the checkpointed
 * gradients equal those of the inner engine alone (float64 to rounding, the fused engine in float32
 * to float32 rounding); with q < 1 (masks drawn per segment) its gradients match central finite
 * differences of its own rollouts in float64.
 */
class CheckpointingEngineTest {

    private static final int S = 5;
    private static final int B = 2;
    private static final int STEPS = 7;

    @Test
    void segmentsFollowTheBudget() {
        NcaConfig config = config(1.0, null);
        try (NcaEngine inner = new StencilGemmEngineFactory().create(config, S, DataType.DOUBLE)) {
            long perStep = inner.tapeBytesPerStep(B);
            assertThat(new CheckpointingEngine(inner, 3 * perStep).segmentSteps(B)).isEqualTo(3);
            assertThat(new CheckpointingEngine(inner, 3 * perStep - 1).segmentSteps(B)).isEqualTo(2);
            assertThat(new CheckpointingEngine(inner, 1).segmentSteps(B)).isEqualTo(1);
        }
    }

    @Test
    void deterministicRolloutsGiveTheSameGradientsAsWithoutCheckpoints() {
        for (AliveRule alive : new AliveRule[] {null, new AliveRule(1, 0.1)}) {
            NcaConfig config = config(1.0, alive);
            for (int k : new int[] {1, 2, 3, 7}) {
                Result plain = run(new StencilGemmEngineFactory().create(config, S, DataType.DOUBLE), config);
                NcaEngine inner = new StencilGemmEngineFactory().create(config, S, DataType.DOUBLE);
                Result cp = run(new CheckpointingEngine(inner, k * inner.tapeBytesPerStep(B)), config);
                assertAgree(plain, cp, 1e-12, "k=" + k + " alive=" + alive);
            }
        }
        NcaConfig config = config(1.0, null);
        Result plain = run(new FusedEngineFactory().create(config, S, DataType.FLOAT), config);
        NcaEngine inner = new FusedEngineFactory().create(config, S, DataType.FLOAT);
        assertAgree(plain, run(new CheckpointingEngine(inner, 3 * inner.tapeBytesPerStep(B)), config), 1e-5, "fused");
    }

    @Test
    void stochasticCheckpointedGradientsMatchFiniteDifferences() {
        NcaConfig config = config(0.6, null);
        NcaEngine inner = new StencilGemmEngineFactory().create(config, S, DataType.DOUBLE);
        try (NcaEngine engine = new CheckpointingEngine(inner, 3 * inner.tapeBytesPerStep(B))) {
            SplittableRandom r = new SplittableRandom(2);
            NcaParameters params = params(config, r);
            INDArray start = EngineGradientTest.randomArray(new long[] {B, 3, S, S}, r, 1.0);
            INDArray w = EngineGradientTest.randomArray(new long[] {B, 3, S, S}, r, 1.0);
            Rollout roll = engine.rollout(params, start, STEPS, new int[] {4, STEPS}, new SplittableRandom(9), true);
            NcaParameters grads = NcaParameters.zeros(config, DataType.DOUBLE);
            Map<Integer, INDArray> dState = new HashMap<>();
            dState.put(4, w);
            dState.put(STEPS, roll.states().get(STEPS));
            INDArray dStart = engine.backward(params, roll, dState, grads);
            double eps = 1e-6;
            for (Map.Entry<String, INDArray> e : params.tensors().entrySet()) {
                INDArray p = e.getValue();
                for (int i = 0; i < p.length(); i += 2) {
                    double old = p.getDouble(i);
                    p.putScalar(i, old + eps);
                    double up = loss(engine, params, start, w);
                    p.putScalar(i, old - eps);
                    double down = loss(engine, params, start, w);
                    p.putScalar(i, old);
                    assertClose(e.getKey() + "[" + i + "]", grads.tensors().get(e.getKey()).getDouble(i),
                            (up - down) / (2 * eps));
                }
            }
            for (int i = 0; i < start.length(); i += 7) {
                double old = start.getDouble(i);
                start.putScalar(i, old + eps);
                double up = loss(engine, params, start, w);
                start.putScalar(i, old - eps);
                double down = loss(engine, params, start, w);
                start.putScalar(i, old);
                assertClose("start[" + i + "]", dStart.getDouble(i), (up - down) / (2 * eps));
            }
        }
    }

    /** loss = <w, x_4> + 0.5 |x_T|^2. */
    private static double loss(NcaEngine engine, NcaParameters params, INDArray start, INDArray w) {
        Rollout r = engine.rollout(params, start, STEPS, new int[] {4, STEPS}, new SplittableRandom(9), false);
        INDArray last = r.states().get(STEPS);
        return r.states().get(4).mul(w).sumNumber().doubleValue() + 0.5 * last.mul(last).sumNumber().doubleValue();
    }

    private static void assertClose(String what, double analytic, double numeric) {
        double tol = 1e-6 + 1e-5 * Math.max(Math.abs(analytic), Math.abs(numeric));
        assertThat(Math.abs(analytic - numeric)).as("%s analytic %s numeric %s", what, analytic, numeric)
                .isLessThanOrEqualTo(tol);
    }

    private static NcaConfig config(double q, AliveRule alive) {
        return new NcaConfig(3, 2, 6, true, TestExtensions.asymmetric(), TestExtensions.tanh(), Boundary.REFLECT, q,
                MaskMode.CELL, alive);
    }

    private static NcaParameters params(NcaConfig config, SplittableRandom r) {
        NcaParameters p = NcaParameters.initialise(config, DataType.DOUBLE, new SplittableRandom(1), 1.0);
        p.tensors().forEach((k, t) -> t.assign(EngineGradientTest.randomArray(t.shape(), r, 0.4)));
        return p;
    }

    private record Result(Map<Integer, INDArray> states, INDArray dStart, NcaParameters grads) {
    }

    private static Result run(NcaEngine engine, NcaConfig config) {
        SplittableRandom r = new SplittableRandom(11);
        NcaParameters params = params(config, r);
        INDArray start = EngineGradientTest.randomArray(new long[] {B, 3, S, S}, r, 1.0);
        INDArray w = EngineGradientTest.randomArray(new long[] {B, 3, S, S}, r, 1.0);
        DataType dtype = engine.dataType();
        try (engine) {
            NcaParameters p = params.castTo(dtype);
            Rollout roll = engine.rollout(p, start.castTo(dtype), STEPS, new int[] {2, 3, 6}, new SplittableRandom(5),
                    true);
            NcaParameters grads = NcaParameters.zeros(config, dtype);
            INDArray dStart = engine.backward(p, roll, Map.of(3, w.castTo(dtype), 6, w.castTo(dtype),
                    STEPS, roll.finalState()), grads);
            Map<Integer, INDArray> states = new HashMap<>(roll.states());
            states.put(STEPS, roll.finalState());
            return new Result(states, dStart, grads);
        }
    }

    private static void assertAgree(Result want, Result got, double tol, String what) {
        assertThat(got.states().keySet()).as(what).isEqualTo(want.states().keySet());
        want.states().forEach((s, x) -> assertClose(what + " state " + s, x, got.states().get(s), tol));
        assertClose(what + " d/d start", want.dStart(), got.dStart(), tol);
        want.grads().tensors().forEach((n, g) -> assertClose(what + " d/d " + n, g, got.grads().tensors().get(n), tol));
    }

    private static void assertClose(String what, INDArray want, INDArray got, double tol) {
        double scale = Math.max(1.0, want.amaxNumber().doubleValue());
        double diff = want.castTo(DataType.DOUBLE).sub(got.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertThat(diff).as("%s: largest difference", what).isLessThanOrEqualTo(tol * scale);
    }
}
