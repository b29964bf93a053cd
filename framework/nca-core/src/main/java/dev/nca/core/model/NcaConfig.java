package dev.nca.core.model;

import dev.nca.api.Activation;
import dev.nca.api.Boundary;
import dev.nca.api.Kernels;
import java.util.Objects;

/**
 * The fixed (non-learned) structure of an NCA.
 *
 * <p>State: C channels per cell, the first {@code observable} compared with data. Perception:
 * every kernel applied to every channel, giving {@code C*K} features per cell, ordered
 * {@code c*K + k}. Update: {@code f = W1^T u(W2^T z + b2) + v} with H hidden units; the state
 * becomes {@code x + m * f} with a Bernoulli({@code updateProbability}) mask m.
 *
 * @param channels          C, total channels (observable + hidden)
 * @param observable        channels compared with data, 1..C
 * @param hidden            H, hidden units of the per-cell MLP (4C in the papers)
 * @param hiddenBias        whether the hidden layer has a bias b2
 * @param kernels           the K fixed perception stencils
 * @param activation        the hidden non-linearity u
 * @param boundary          how stencils see beyond the edge
 * @param updateProbability probability that a cell (or element) is updated in a step, (0, 1]
 * @param maskMode          per cell or per element masking
 * @param alive             alive masking of growing NCA, or {@code null} for none (every cell lives)
 */
public record NcaConfig(int channels, int observable, int hidden, boolean hiddenBias, Kernels kernels,
                        Activation activation, Boundary boundary, double updateProbability, MaskMode maskMode,
                        AliveRule alive) {

    /** A config without alive masking. */
    public NcaConfig(int channels, int observable, int hidden, boolean hiddenBias, Kernels kernels,
                     Activation activation, Boundary boundary, double updateProbability, MaskMode maskMode) {
        this(channels, observable, hidden, hiddenBias, kernels, activation, boundary, updateProbability, maskMode,
                null);
    }

    public NcaConfig {
        Objects.requireNonNull(kernels, "kernels");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(boundary, "boundary");
        Objects.requireNonNull(maskMode, "maskMode");
        if (channels < 1 || observable < 1 || observable > channels) {
            throw new IllegalArgumentException("need 1 <= observable <= channels, got observable=" + observable
                    + " channels=" + channels);
        }
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden must be >= 1, got " + hidden);
        }
        if (!(updateProbability > 0 && updateProbability <= 1)) {
            throw new IllegalArgumentException("updateProbability must be in (0, 1], got " + updateProbability);
        }
        if (alive != null && alive.channel() >= channels) {
            throw new IllegalArgumentException("alive channel " + alive.channel() + " outside 0.." + (channels - 1));
        }
    }

    /** Whether cells die when their neighbourhood falls below the alive threshold. */
    public boolean aliveMasked() {
        return alive != null;
    }

    /** K, the number of kernels. */
    public int kernelCount() {
        return kernels.count();
    }

    /** C*K, the perception features per cell. */
    public int perceptionSize() {
        return channels * kernels.count();
    }

    /** Whether the update is stochastic. */
    public boolean masked() {
        return updateProbability < 1.0;
    }

    /** Number of trainable scalars. */
    public long parameterCount() {
        return (long) perceptionSize() * hidden + (long) hidden * channels + channels + (hiddenBias ? hidden : 0);
    }
}
