package dev.nca.core.engine;

import dev.nca.api.Boundary;
import dev.nca.core.model.AliveRule;

/**
 * The alive test of a growing NCA on a feature-major state {@code [C][B][S][S]}: a cell is alive
 * when the largest value of the rule's channel in its 3x3 neighbourhood exceeds the threshold.
 * With a periodic boundary the neighbourhood wraps; otherwise cells beyond the edge are ignored
 * (for zero padding they hold 0, which never exceeds a positive threshold; a reflected neighbour
 * is a lattice cell already inside the 3x3 window).
 */
final class AliveMask {

    private final AliveRule rule;
    private final int size;
    private final boolean periodic;

    AliveMask(AliveRule rule, int size, Boundary boundary) {
        this.rule = rule;
        this.size = size;
        this.periodic = boundary == Boundary.PERIODIC;
    }

    /**
     * Writes 1 (alive) or 0 (dead) per cell of {@code state} into {@code out}.
     *
     * @param state feature-major state of {@code batch} samples
     * @param out   {@code [B*S*S]} cell mask
     */
    void evaluate(HostArray state, int batch, HostArray out) {
        int plane = size * size;
        int channelOffset = rule.channel() * batch * plane;
        double threshold = rule.threshold();
        for (int b = 0; b < batch; b++) {
            int base = channelOffset + b * plane;
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    out.set(b * plane + i * size + j, neighbourhoodMax(state, base, i, j) > threshold ? 1.0 : 0.0);
                }
            }
        }
    }

    private double neighbourhoodMax(HostArray state, int base, int i, int j) {
        double max = Double.NEGATIVE_INFINITY;
        for (int di = -1; di <= 1; di++) {
            int r = i + di;
            if (periodic) {
                r = Math.floorMod(r, size);
            } else if (r < 0 || r >= size) {
                continue;
            }
            for (int dj = -1; dj <= 1; dj++) {
                int c = j + dj;
                if (periodic) {
                    c = Math.floorMod(c, size);
                } else if (c < 0 || c >= size) {
                    continue;
                }
                max = Math.max(max, state.get(base + r * size + c));
            }
        }
        return max;
    }

    /** {@code life[i] *= other[i]} for every cell: alive before and after the update. */
    static void intersect(HostArray life, HostArray other) {
        for (int i = 0; i < life.length(); i++) {
            life.set(i, life.get(i) * other.get(i));
        }
    }

    /** Multiplies every channel of every cell by the cell mask: dead cells become 0. */
    static void apply(HostArray state, int channels, HostArray life, int cells) {
        for (int c = 0; c < channels; c++) {
            state.maskedCopy(c * cells, state, life, 0, cells);
        }
    }
}
