package dev.nca.export;

import dev.nca.api.Activation;
import dev.nca.api.Boundary;
import dev.nca.api.Kernels;
import dev.nca.api.NcaModel;
import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.CheckpointIO;
import dev.nca.core.model.AliveRule;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.ModelSpec;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.engine.StencilGemmEngineFactory;
import dev.nca.core.models.CheckpointModels;
import dev.nca.plugins.activations.standard.Gelu;
import dev.nca.plugins.activations.standard.Linear;
import dev.nca.plugins.activations.standard.Relu;
import dev.nca.plugins.activations.standard.Silu;
import dev.nca.plugins.activations.standard.Tanh;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Models for the export tests: random non-zero parameters (so that every weight matters), written
 * to a real checkpoint and loaded back through {@link CheckpointModels}, the public way to run a
 * trained model; and the same model as an {@link ExportableModel}.
 */
final class TestNca {

    /** identity, sobel-x, sobel-y, laplacian, as kernels-standard defines them. */
    static final Kernels KERNELS = Kernels.of(List.of("identity", "sobel-x", "sobel-y", "laplacian"), new double[][][] {
        {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}},
        {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}},
        {{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}},
        {{1, 2, 1}, {2, -12, 2}, {1, 2, 1}},
    });

    final NcaConfig config;
    final NcaParameters parameters;
    final NcaModel engine;
    final ExportableModel export;

    private TestNca(NcaConfig config, NcaParameters parameters, NcaModel engine) {
        this.config = config;
        this.parameters = parameters;
        this.engine = engine;
        this.export = ExportableModel.of(config, parameters);
    }

    static Activation activation(String name) {
        return switch (name) {
            case "relu" -> new Relu();
            case "linear" -> new Linear();
            case "tanh" -> new Tanh();
            case "silu" -> new Silu();
            case "gelu" -> new Gelu();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * A model with C channels (C_obs observable), H = 2C hidden units with bias, random weights of
     * scale {@code scale}, saved in {@code folder} and loaded back.
     *
     * @param alive the alive rule, or null
     */
    static TestNca create(Path folder, int channels, int observable, String activation, Boundary boundary,
                          double q, AliveRule alive, long seed, double scale) {
        NcaConfig config = new NcaConfig(channels, observable, 2 * channels, true, KERNELS, activation(activation),
                boundary, q, MaskMode.CELL, alive);
        NcaParameters p = NcaParameters.zeros(config, DataType.FLOAT);
        SplittableRandom random = new SplittableRandom(seed);
        for (INDArray t : p.list()) {
            double[] values = new double[(int) t.length()];
            double s = t == p.w2() ? scale / Math.sqrt(config.perceptionSize()) : scale / 2;
            for (int i = 0; i < values.length; i++) {
                values[i] = (2 * random.nextDouble() - 1) * s;
            }
            t.assign(Nd4j.create(values, t.shape(), DataType.DOUBLE).castTo(DataType.FLOAT));
        }
        Path file = folder.resolve("model-" + activation + "-" + boundary + "-" + seed + ".nca");
        CheckpointIO.write(file, Checkpoint.of(ModelSpec.of(config), p, null, 0, 0.0, 0.0, null, null));
        NcaModel loaded = new CheckpointModels((name, where) -> activation(name), new StencilGemmEngineFactory())
                .load(file);
        return new TestNca(config, p, loaded);
    }

    /** Random states {@code [B, C, S, S]} in [lo, hi), float32. */
    static INDArray randomState(int batch, int channels, int size, double lo, double hi, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[batch * channels * size * size];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * random.nextDouble();
        }
        return Nd4j.create(v, new long[] {batch, channels, size, size}, DataType.DOUBLE).castTo(DataType.FLOAT);
    }

    /** Sets the channel to 0 in a random half of the cells and keeps the rest: a mix of live and dead cells. */
    static void thinOut(INDArray state, int channel, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < state.size(0); b++) {
            for (int i = 0; i < state.size(2); i++) {
                for (int j = 0; j < state.size(3); j++) {
                    if (random.nextDouble() < 0.7) {
                        state.putScalar(new long[] {b, channel, i, j}, 0.0);
                    }
                }
            }
        }
    }

    /** The largest absolute difference of two arrays of the same shape. */
    static double maxDifference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
