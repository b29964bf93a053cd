package dev.nca.core.model;

/** Granularity of the stochastic update mask. */
public enum MaskMode {
    /** One Bernoulli draw per cell, shared by all channels of the cell. */
    CELL,
    /** One Bernoulli draw per cell and channel (paper 1, eq. 5). */
    ELEMENT;

    /** The recipe spelling: lower case. */
    public String recipeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
