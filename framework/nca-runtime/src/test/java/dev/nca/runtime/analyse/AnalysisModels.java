package dev.nca.runtime.analyse;

import dev.nca.api.Activation;
import dev.nca.api.Boundary;
import dev.nca.api.Kernels;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.engine.StencilGemmEngine;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Small models for the analysis tests, with stencils written out here (not taken from the plugin). */
final class AnalysisModels {

    static final double[][] IDENTITY = {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}};
    static final double[][] LAPLACIAN = {{0.25, 0.5, 0.25}, {0.5, -3, 0.5}, {0.25, 0.5, 0.25}};
    static final double[][] SOBEL_X = {{0.125, 0, -0.125}, {0.25, 0, -0.25}, {0.125, 0, -0.125}};
    static final double[][] SOBEL_Y = {{0.125, 0.25, 0.125}, {0, 0, 0}, {-0.125, -0.25, -0.125}};

    static final Kernels ID_LAP = Kernels.of(List.of("identity", "laplacian"), new double[][][] {IDENTITY, LAPLACIAN});
    static final Kernels ID_SOBEL_LAP = Kernels.of(List.of("identity", "sobel-x", "sobel-y", "laplacian"),
            new double[][][] {IDENTITY, SOBEL_X, SOBEL_Y, LAPLACIAN});
    static final Kernels ID = Kernels.of(List.of("identity"), new double[][][] {IDENTITY});

    /** u(a) = a. */
    static final Activation LINEAR = new Activation() {
        @Override
        public String name() {
            return "linear";
        }

        @Override
        public String description() {
            return "identity";
        }

        @Override
        public void apply(INDArray a, INDArray out) {
            out.assign(a);
        }

        @Override
        public void derivative(INDArray a, INDArray out) {
            out.assign(1.0);
        }
    };

    /** u(a) = tanh(a), smooth for finite differences. */
    static final Activation TANH = new Activation() {
        @Override
        public String name() {
            return "tanh";
        }

        @Override
        public String description() {
            return "tanh";
        }

        @Override
        public void apply(INDArray a, INDArray out) {
            out.assign(Transforms.tanh(a, true));
        }

        @Override
        public void derivative(INDArray a, INDArray out) {
            INDArray t = Transforms.tanh(a, true);
            out.assign(t.mul(t).rsub(1.0));
        }
    };

    private AnalysisModels() {
    }

    static NcaConfig config(int channels, int observable, int hidden, Kernels kernels, Activation activation,
                            Boundary boundary) {
        return new NcaConfig(channels, observable, hidden, true, kernels, activation, boundary, 1.0, MaskMode.CELL);
    }

    static NcaEngine engine(NcaConfig config, int size) {
        return new StencilGemmEngine(config, size, DataType.DOUBLE);
    }

    /** Random parameters of scale {@code scale} in float64. */
    static NcaParameters random(NcaConfig config, long seed, double scale) {
        NcaParameters params = NcaParameters.initialise(config, DataType.DOUBLE, new SplittableRandom(seed), 1.0);
        SplittableRandom r = new SplittableRandom(seed + 1);
        params.tensors().forEach((name, t) -> t.assign(uniform(t.shape(), r, scale)));
        return params;
    }

    /**
     * The linear diagonal model x' = (1 + a_c) x per channel: identity kernel only, u(a) = a,
     * W2 = I (C x C), W1 = diag(a), no biases.
     */
    static NcaParameters diagonal(NcaConfig config, double[] a) {
        NcaParameters params = NcaParameters.zeros(config, DataType.DOUBLE);
        for (int c = 0; c < a.length; c++) {
            params.w2().putScalar(c, c, 1.0);
            params.w1().putScalar(c, c, a[c]);
        }
        return params;
    }

    static INDArray uniform(long[] shape, SplittableRandom r, double scale) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = scale * (2 * r.nextDouble() - 1);
        }
        return Nd4j.create(v, shape, 'c');
    }
}
