package dev.nca.runtime.recipe;

import java.util.Locale;

/** How the stochastic update mask m of the NCA step x' = x + m * f is drawn. */
public enum UpdateMask {
    /** One Bernoulli draw per cell, shared by all its channels. */
    CELL,
    /** One Bernoulli draw per cell and channel. */
    ELEMENT;

    /** The recipe spelling: lower case. */
    public String recipeName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
