package dev.nca.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.Activation;
import dev.nca.api.Boundary;
import dev.nca.api.Kernels;
import dev.nca.core.model.AliveRule;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.support.TestExtensions;
import dev.nca.core.engine.reference.Nd4jReferenceEngineFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The hand-written BPTT of every engine against central finite differences in float64. */
class EngineGradientTest {

    private static final int S = 5;
    private static final int B = 2;
    private static final int STEPS = 3;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (EngineFactory engine : List.of(new StencilGemmEngineFactory(), new Nd4jReferenceEngineFactory())) {
            configs().forEach(a -> {
                Object[] args = new Object[a.get().length + 1];
                args[0] = engine;
                System.arraycopy(a.get(), 0, args, 1, a.get().length);
                out.add(Arguments.of(args));
            });
        }
        return out.stream();
    }

    /** (boundary, mask mode, q, bias, kernels, activation, alive rule) of every case. */
    static Stream<Arguments> configs() {
        List<Arguments> out = new ArrayList<>();
        for (Boundary boundary : Boundary.values()) {
            for (MaskMode mode : MaskMode.values()) {
                out.add(Arguments.of(boundary, mode, 0.6, true, TestExtensions.asymmetric(), TestExtensions.tanh(), null));
            }
            out.add(Arguments.of(boundary, MaskMode.CELL, 1.0, false, TestExtensions.idLap(), TestExtensions.relu(), null));
            // alive masking: with start values in [-1, 1] some cells die and others live
            out.add(Arguments.of(boundary, MaskMode.CELL, 0.6, true, TestExtensions.asymmetric(), TestExtensions.tanh(),
                    new AliveRule(1, 0.1)));
            out.add(Arguments.of(boundary, MaskMode.ELEMENT, 1.0, true, TestExtensions.asymmetric(),
                    TestExtensions.tanh(), new AliveRule(2, 0.1)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} q={3} bias={4} {5} {6} alive={7}")
    @MethodSource("cases")
    void parameterAndInputGradientsMatchFiniteDifferences(EngineFactory factory, Boundary boundary, MaskMode mode,
                                                          double q, boolean bias, Kernels kernels, Activation act,
                                                          AliveRule alive) {
        NcaConfig config = new NcaConfig(3, 2, 4, bias, kernels, act, boundary, q, mode, alive);
        NcaEngine engine = factory.create(config, S, DataType.DOUBLE);
        NcaParameters params = NcaParameters.initialise(config, DataType.DOUBLE, new SplittableRandom(1), 1.0);
        SplittableRandom r = new SplittableRandom(2);
        // non-zero W1, v and b2 so that every path carries gradient
        params.tensors().forEach((k, t) -> {
            if (!k.equals(NcaParameters.W2)) {
                t.assign(randomArray(t.shape(), r, 0.5));
            }
        });
        INDArray start = randomArray(new long[] {B, 3, S, S}, r, 1.0);
        if (alive != null) {
            separateLivingFromDead(params, start, alive.channel(), r);
        }
        Map<Integer, INDArray> weights = new HashMap<>();
        weights.put(2, randomArray(new long[] {B, 3, S, S}, r, 1.0));
        weights.put(STEPS, randomArray(new long[] {B, 3, S, S}, r, 1.0));

        Rollout roll = engine.rollout(params, start, STEPS, new int[] {2, STEPS}, new SplittableRandom(9), true);
        if (alive != null) {
            // the check means something only if some cells die and others live
            INDArray cellNorm = roll.states().get(STEPS).norm1(1);
            long dead = cellNorm.eq(0.0).castTo(DataType.INT32).sumNumber().longValue();
            assertThat(dead).as("dead cells").isBetween(1L, cellNorm.length() - 1);
        }
        Map<Integer, INDArray> dState = new HashMap<>();
        // loss = sum_t <w_t, x_t> + 0.5 |x_T|^2 (non-linear in the final state)
        dState.put(2, weights.get(2));
        dState.put(STEPS, weights.get(STEPS).add(roll.states().get(STEPS)));
        NcaParameters grads = NcaParameters.zeros(config, DataType.DOUBLE);
        INDArray dStart = engine.backward(params, roll, dState, grads);

        double eps = 1e-6;
        for (Map.Entry<String, INDArray> e : params.tensors().entrySet()) {
            INDArray p = e.getValue();
            INDArray analytic = grads.tensors().get(e.getKey());
            for (int i = 0; i < p.length(); i++) {
                double old = p.getDouble(i);
                p.putScalar(i, old + eps);
                double up = loss(engine, params, start, weights);
                p.putScalar(i, old - eps);
                double down = loss(engine, params, start, weights);
                p.putScalar(i, old);
                assertClose(e.getKey() + "[" + i + "]", analytic.getDouble(i), (up - down) / (2 * eps));
            }
        }
        for (int i = 0; i < start.length(); i += 3) {
            double old = start.getDouble(i);
            start.putScalar(i, old + eps);
            double up = loss(engine, params, start, weights);
            start.putScalar(i, old - eps);
            double down = loss(engine, params, start, weights);
            start.putScalar(i, old);
            assertClose("start[" + i + "]", dStart.getDouble(i), (up - down) / (2 * eps));
        }
    }

    /**
     * Only column 3 of the alive channel is positive, so columns 2..4 live and 0..1 die under every
     * boundary; the alive channel's update is kept small enough (|f| <= 0.1 per step) that no cell
     * crosses the threshold during the rollout or a finite-difference probe.
     */
    private static void separateLivingFromDead(NcaParameters params, INDArray start, int channel, SplittableRandom r) {
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < S; i++) {
                for (int j = 0; j < S; j++) {
                    double magnitude = 0.5 + 0.5 * r.nextDouble();
                    start.putScalar(new long[] {b, channel, i, j}, j == 3 ? magnitude : -magnitude);
                }
            }
        }
        params.w1().getColumn(channel).muli(0.04);
        params.v().putScalar(channel, 0, 0.02 * params.v().getDouble(channel, 0));
    }

    private static void assertClose(String what, double analytic, double numeric) {
        double tol = 1e-6 + 1e-5 * Math.max(Math.abs(analytic), Math.abs(numeric));
        assertThat(Math.abs(analytic - numeric)).as("%s analytic %s numeric %s", what, analytic, numeric)
                .isLessThanOrEqualTo(tol);
    }

    private static double loss(NcaEngine engine, NcaParameters params, INDArray start, Map<Integer, INDArray> w) {
        Rollout r = engine.rollout(params, start, STEPS, new int[] {2, STEPS}, new SplittableRandom(9), false);
        INDArray last = r.states().get(STEPS);
        return r.states().get(2).mul(w.get(2)).sumNumber().doubleValue()
                + last.mul(w.get(STEPS)).sumNumber().doubleValue()
                + 0.5 * last.mul(last).sumNumber().doubleValue();
    }

    static INDArray randomArray(long[] shape, SplittableRandom r, double scale) {
        INDArray a = Nd4j.create(DataType.DOUBLE, shape);
        for (int i = 0; i < a.length(); i++) {
            a.putScalar(i, (2 * r.nextDouble() - 1) * scale);
        }
        return a;
    }
}
