package dev.nca.export;

import dev.nca.api.Boundary;
import dev.nca.api.NcaException;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained NCA as plain float32 numbers, in the form both exports need. One step is the engine's
 * ({@code dev.nca.core.engine.NcaEngine}):
 * <pre>
 *   z[c*K+k] = sum_ab kernels[k][a][b] x[c][i+a-1][j+b-1]     (boundary: periodic, zero or reflect)
 *   f        = W1^T u(W2^T z + b2) + v
 *   x'       = x + m * f                                      (m ~ Bernoulli(q) per cell or element)
 *   x'       = alive(x) * alive(x') * x'                      (growing models only)
 * </pre>
 * where alive(x) at a cell is 1 when the largest value of the alive channel in its 3x3
 * neighbourhood (cells beyond a non-periodic edge ignored) exceeds the threshold.
 *
 * @param channels          C
 * @param observable        C_obs, the channels compared with data (first)
 * @param hidden            H
 * @param kernels           {@code [K][3][3]} stencils (correlation)
 * @param activation        the name of u, one of {@link #ACTIVATIONS}
 * @param boundary          how the stencils see beyond the edge
 * @param updateProbability q in (0, 1]
 * @param maskMode          per cell or per element
 * @param aliveChannel      the alive channel, or -1 without alive masking
 * @param aliveThreshold    the alive threshold (unused without alive masking)
 * @param w2                {@code [C*K, H]} c-order
 * @param b2                {@code [H]}, or {@code null} without a hidden bias
 * @param w1                {@code [H, C]} c-order
 * @param v                 {@code [C]}
 */
public record ExportableModel(int channels, int observable, int hidden, double[][][] kernels, String activation,
                              Boundary boundary, double updateProbability, MaskMode maskMode, int aliveChannel,
                              double aliveThreshold, float[] w2, float[] b2, float[] w1, float[] v) {

    /** The activations both exports can express (those of the shipped activations-standard plugin). */
    public static final List<String> ACTIVATIONS = List.of("relu", "linear", "tanh", "silu", "gelu");

    public ExportableModel {
        Objects.requireNonNull(kernels, "kernels");
        Objects.requireNonNull(boundary, "boundary");
        Objects.requireNonNull(maskMode, "maskMode");
        if (!ACTIVATIONS.contains(activation)) {
            throw new NcaException("cannot export activation '" + activation + "': the exported page and ONNX graph"
                    + " express only " + ACTIVATIONS);
        }
        int features = channels * kernels.length;
        check("w2", w2, features * hidden);
        check("w1", w1, hidden * channels);
        check("v", v, channels);
        if (b2 != null) {
            check("b2", b2, hidden);
        }
    }

    private static void check(String name, float[] values, int length) {
        if (values == null || values.length != length) {
            throw new IllegalArgumentException(name + " must have " + length + " values, got "
                    + (values == null ? "none" : values.length));
        }
    }

    /**
     * The model of a config and its parameters (FLOAT or DOUBLE; converted to float32).
     *
     * @throws NcaException if the config's activation cannot be exported
     */
    public static ExportableModel of(NcaConfig config, NcaParameters parameters) {
        int k = config.kernelCount();
        double[][][] stencils = new double[k][][];
        for (int i = 0; i < k; i++) {
            stencils[i] = config.kernels().stencil(i);
        }
        return new ExportableModel(config.channels(), config.observable(), config.hidden(), stencils,
                config.activation().name(), config.boundary(), config.updateProbability(), config.maskMode(),
                config.aliveMasked() ? config.alive().channel() : -1,
                config.aliveMasked() ? config.alive().threshold() : 0.0,
                floats(parameters.w2()), parameters.b2() == null ? null : floats(parameters.b2()),
                floats(parameters.w1()), floats(parameters.v()));
    }

    private static float[] floats(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    /** K, the number of kernels. */
    public int kernelCount() {
        return kernels.length;
    }

    /** Whether cells die when their neighbourhood falls below the alive threshold. */
    public boolean aliveMasked() {
        return aliveChannel >= 0;
    }
}
