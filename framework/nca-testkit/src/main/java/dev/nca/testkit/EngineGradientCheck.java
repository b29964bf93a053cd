package dev.nca.testkit;

import dev.nca.api.Activation;
import dev.nca.api.Boundary;
import dev.nca.api.Kernels;
import dev.nca.core.engine.EngineFactory;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.engine.StencilGemmEngineFactory;
import dev.nca.core.engine.Rollout;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks the engine's full back-propagation through time with a given kernel set and activation
 * against central finite differences in float64: every parameter of a small NCA (3 channels,
 * 4 hidden units with bias, 5x5 lattice, batch 2, 3 steps) and the start state.
 *
 * <p>The loss is {@code <w, x_2> + 0.5 |x_3|^2} with random weights w, non-linear in the final
 * state, so every path through the rollout carries gradient. Parameters are random (including the
 * zero-initialised W1 and v) so no path is trivially zero.
 */
public final class EngineGradientCheck {

    private static final int SIZE = 5;
    private static final int BATCH = 2;
    private static final int STEPS = 3;

    private final GradientChecker checker;
    private final EngineFactory engines;

    /** A check of the default CPU engine (stencil + GEMM). */
    public EngineGradientCheck(GradientChecker checker) {
        this(checker, new StencilGemmEngineFactory());
    }

    /**
     * A check of the engines {@code engines} makes.
     *
     * @param checker the finite-difference checker
     * @param engines the engine implementation under test
     */
    public EngineGradientCheck(GradientChecker checker, EngineFactory engines) {
        this.checker = checker;
        this.engines = engines;
    }

    /**
     * Runs the check.
     *
     * @param kernels           the perception stencils
     * @param activation        the hidden non-linearity (its derivative is what is being checked)
     * @param boundary          boundary condition
     * @param maskMode          mask granularity
     * @param updateProbability q in (0, 1]; q < 1 exercises the stochastic mask
     * @throws AssertionError naming the worst parameter entry when a gradient is off
     */
    public void check(Kernels kernels, Activation activation, Boundary boundary, MaskMode maskMode,
                      double updateProbability) {
        NcaConfig config = new NcaConfig(3, 2, 4, true, kernels, activation, boundary, updateProbability, maskMode);
        try (NcaEngine engine = engines.create(config, SIZE, DataType.DOUBLE)) {
            check(engine, config, what(kernels, activation, boundary, maskMode, updateProbability));
        }
    }

    private static String what(Kernels kernels, Activation activation, Boundary boundary, MaskMode maskMode,
                               double updateProbability) {
        return activation.name() + " / " + kernels.names() + " / " + boundary.recipeName() + " / "
                + maskMode.recipeName() + " q=" + updateProbability;
    }

    private void check(NcaEngine engine, NcaConfig config, String what) {
        NcaParameters params = NcaParameters.initialise(config, DataType.DOUBLE, new SplittableRandom(1), 1.0);
        SplittableRandom r = new SplittableRandom(2);
        params.tensors().forEach((name, t) -> t.assign(random(t.shape(), r, 0.3)));
        INDArray start = random(new long[] {BATCH, 3, SIZE, SIZE}, r, 0.5);
        INDArray w = random(new long[] {BATCH, 3, SIZE, SIZE}, r, 1.0);

        Rollout roll = engine.rollout(params, start, STEPS, new int[] {2, STEPS}, new SplittableRandom(9), true);
        NcaParameters grads = NcaParameters.zeros(config, DataType.DOUBLE);
        INDArray dStart = engine.backward(params, roll, Map.of(2, w, STEPS, roll.states().get(STEPS)), grads);

        for (Map.Entry<String, INDArray> e : params.tensors().entrySet()) {
            INDArray tensor = e.getValue();
            INDArray original = tensor.dup();
            checker.check(what + ": d/d" + e.getKey(), x -> {
                tensor.assign(x);
                double l = loss(engine, params, start, w);
                tensor.assign(original);
                return l;
            }, original, grads.tensors().get(e.getKey()));
        }
        checker.check(what + ": d/d start", x -> loss(engine, params, x, w), start, dStart);
    }

    private static double loss(NcaEngine engine, NcaParameters params, INDArray start, INDArray w) {
        Rollout r = engine.rollout(params, start, STEPS, new int[] {2, STEPS}, new SplittableRandom(9), false);
        INDArray last = r.states().get(STEPS);
        return r.states().get(2).mul(w).sumNumber().doubleValue() + 0.5 * last.mul(last).sumNumber().doubleValue();
    }

    /**
     * The checker the contracts use: relative tolerance 1e-5 and absolute 1e-7, since the rollout's
     * loss is of order 10 and central differences with h = 1e-6 carry round-off of about 1e-9.
     */
    public static GradientChecker defaultChecker() {
        return GradientChecker.standard().withTolerance(1e-5, 1e-7);
    }

    /** Every boundary with both mask modes, as JUnit arguments {@code (Boundary, MaskMode)}. */
    public static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> boundariesAndMasks() {
        java.util.List<org.junit.jupiter.params.provider.Arguments> out = new java.util.ArrayList<>();
        for (Boundary b : Boundary.values()) {
            for (MaskMode m : MaskMode.values()) {
                out.add(org.junit.jupiter.params.provider.Arguments.of(b, m));
            }
        }
        return out.stream();
    }

    /** Identity, Laplacian and a deliberately asymmetric stencil (catches flipped adjoints). */
    public static Kernels referenceKernels() {
        double[][] identity = {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}};
        double[][] laplacian = {{0.25, 0.5, 0.25}, {0.5, -3, 0.5}, {0.25, 0.5, 0.25}};
        double[][] lopsided = {{0.3, -0.2, 0}, {0.1, 0.5, -0.7}, {0, 0.9, 0.05}};
        return Kernels.of(java.util.List.of("identity", "laplacian", "lopsided"),
                new double[][][] {identity, laplacian, lopsided});
    }

    /** A smooth reference activation (tanh) for checking kernel sets. */
    public static Activation tanh() {
        return new Activation() {
            @Override
            public String name() {
                return "tanh";
            }

            @Override
            public String description() {
                return "hyperbolic tangent (testkit reference)";
            }

            @Override
            public void apply(INDArray a, INDArray out) {
                out.assign(org.nd4j.linalg.ops.transforms.Transforms.tanh(a, true));
            }

            @Override
            public void derivative(INDArray a, INDArray out) {
                INDArray t = org.nd4j.linalg.ops.transforms.Transforms.tanh(a, true);
                out.assign(t.muli(t).rsubi(1.0));
            }
        };
    }

    private static INDArray random(long[] shape, SplittableRandom r, double scale) {
        INDArray a = Nd4j.create(DataType.DOUBLE, shape);
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, (2 * r.nextDouble() - 1) * scale);
        }
        return a;
    }
}
