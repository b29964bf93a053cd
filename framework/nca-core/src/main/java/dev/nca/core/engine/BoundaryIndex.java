package dev.nca.core.engine;

import dev.nca.api.Boundary;

/** Which lattice index a stencil reads for an index beyond the edge, per boundary. */
public final class BoundaryIndex {

    private BoundaryIndex() {
    }

    /**
     * The lattice index that index {@code i} (in -1..size) reads: itself inside the lattice; beyond
     * the edge the wrapped index (periodic), the mirrored index without repeating the edge
     * (reflect: -1 reads 1, size reads size-2), or -1 for "reads zero" (zero boundary).
     */
    public static int neighbour(Boundary boundary, int i, int size) {
        if (i >= 0 && i < size) {
            return i;
        }
        return switch (boundary) {
            case PERIODIC -> Math.floorMod(i, size);
            case ZERO -> -1;
            case REFLECT -> i < 0 ? -i : 2 * (size - 1) - i;
        };
    }
}
