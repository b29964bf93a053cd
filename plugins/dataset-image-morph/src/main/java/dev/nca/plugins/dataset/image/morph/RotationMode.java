package dev.nca.plugins.dataset.image.morph;

import java.util.Locale;

/** The rotation augmentation of the image-morph dataset ({@code rotation} parameter). */
enum RotationMode {
    /** No rotation. */
    NONE,
    /** A random multiple of 90 degrees per copy: exact, stays on the lattice. */
    QUARTER,
    /** A random angle in [0, 360) degrees per copy, bilinear interpolation (off-lattice). */
    ANY;

    /** The recipe spelling, e.g. {@code "quarter"}. */
    String recipeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RotationMode fromRecipeName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
