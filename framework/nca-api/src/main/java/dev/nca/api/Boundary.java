package dev.nca.api;

/** How the 3x3 stencils see beyond the lattice edge. */
public enum Boundary {
    /** The lattice wraps around (a torus). */
    PERIODIC,
    /** Cells beyond the edge read as zero (fixed boundary). */
    ZERO,
    /** Cells beyond the edge mirror the interior without repeating the edge: index -1 reads 1. */
    REFLECT;

    /** The recipe spelling: lower case. */
    public String recipeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
