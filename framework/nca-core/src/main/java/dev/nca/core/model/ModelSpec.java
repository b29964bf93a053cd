package dev.nca.core.model;

import dev.nca.api.Activation;
import dev.nca.api.Boundary;
import dev.nca.api.Kernels;

/**
 * An {@link NcaConfig} with the activation named rather than instantiated: what a checkpoint
 * stores, so that a model can be rebuilt wherever a plugin provides that activation. The kernels
 * are stored as numbers, so a model never depends on the kernel-set plugin that made it.
 */
public record ModelSpec(int channels, int observable, int hidden, boolean hiddenBias, Kernels kernels,
                        String activation, Boundary boundary, double updateProbability, MaskMode maskMode,
                        AliveRule alive) {

    /** A spec without alive masking. */
    public ModelSpec(int channels, int observable, int hidden, boolean hiddenBias, Kernels kernels,
                     String activation, Boundary boundary, double updateProbability, MaskMode maskMode) {
        this(channels, observable, hidden, hiddenBias, kernels, activation, boundary, updateProbability, maskMode,
                null);
    }

    /** The spec of a config. */
    public static ModelSpec of(NcaConfig c) {
        return new ModelSpec(c.channels(), c.observable(), c.hidden(), c.hiddenBias(), c.kernels(),
                c.activation().name(), c.boundary(), c.updateProbability(), c.maskMode(), c.alive());
    }

    /** The config, given the activation this spec names. */
    public NcaConfig toConfig(Activation resolved) {
        if (!resolved.name().equals(activation)) {
            throw new IllegalArgumentException("spec names activation '" + activation + "', got '" + resolved.name() + "'");
        }
        return new NcaConfig(channels, observable, hidden, hiddenBias, kernels, resolved, boundary, updateProbability,
                maskMode, alive);
    }
}
