package dev.nca.support.damage;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A circular wound: every channel of every cell inside a disc is set to zero, which kills those
 * cells (their alpha becomes 0) and erases their hidden memory. Training on wounded states teaches
 * the rule to regrow the missing part.
 *
 * <p>Geometry: cell {@code (i, j)} sits at the point {@code (i, j)} (row, column). It is inside
 * the disc iff {@code dy^2 + dx^2 < radius^2} (strictly; with {@code closed}, {@code <=}: the rim
 * counts too), with {@code dy = i - row} and {@code dx = j - column}. Edges:
 * <ul>
 *   <li>{@code wrap = false} (clip): the disc is cut off at the lattice edge; nothing re-enters
 *       from the opposite side;</li>
 *   <li>{@code wrap = true} (periodic): offsets are taken on the torus, {@code dy} replaced by
 *       the nearest of {@code dy + kS} for integer k, so a disc over an edge continues on the
 *       opposite side (suits a periodic-boundary lattice).</li>
 * </ul>
 *
 * @param row    centre row, in cell units (any real; usually within {@code [0, S-1]})
 * @param column centre column, in cell units
 * @param radius radius in cells, >= 0 (0 damages nothing)
 * @param wrap   whether the disc wraps around the edges
 * @param closed whether cells exactly on the rim ({@code dy^2 + dx^2 = radius^2}) are inside
 *
 * <p>Used by {@code schedule-growing} (random open discs, clipped or wrapped) and
 * {@code dataset-morphogenesis} (closed discs centred on a living cell).
 */
public record DiscDamage(double row, double column, double radius, boolean wrap, boolean closed) {

    public DiscDamage {
        if (!(radius >= 0) || !Double.isFinite(radius) || !Double.isFinite(row) || !Double.isFinite(column)) {
            throw new IllegalArgumentException("disc needs a finite centre and radius >= 0, got (" + row + ", "
                    + column + ") radius " + radius);
        }
    }

    /** An open disc (the rim is outside): {@code dy^2 + dx^2 < radius^2}. */
    public DiscDamage(double row, double column, double radius, boolean wrap) {
        this(row, column, radius, wrap, false);
    }

    /**
     * A random disc on an S x S lattice. The centre's row and column are independent and uniform in
     * {@code [m - spread (S-1)/2, m + spread (S-1)/2]}, {@code m = (S-1)/2} the lattice middle, so
     * {@code spread = 1} allows any point of the lattice and {@code 0.5} its central half; the
     * radius is {@code S * U[radiusMin, radiusMax]}. Draws exactly three doubles (row, column,
     * radius, in this order).
     *
     * @param rng       the stream to draw from
     * @param size      S
     * @param radiusMin smallest radius as a fraction of S, >= 0
     * @param radiusMax largest radius as a fraction of S, >= radiusMin
     * @param spread    the centre region's side as a fraction of the lattice, in [0, 1]
     * @param wrap      whether the disc wraps around the edges
     */
    public static DiscDamage draw(SplittableRandom rng, int size, double radiusMin, double radiusMax, double spread,
                           boolean wrap) {
        double middle = (size - 1) / 2.0;
        double half = spread * middle;
        double r = middle - half + 2 * half * rng.nextDouble();
        double c = middle - half + 2 * half * rng.nextDouble();
        double radius = size * (radiusMin + (radiusMax - radiusMin) * rng.nextDouble());
        return new DiscDamage(r, c, radius, wrap);
    }

    /** Whether cell {@code (i, j)} of an S x S lattice lies inside the disc. */
    public boolean covers(int i, int j, int size) {
        double dy = offset(i - row, size);
        double dx = offset(j - column, size);
        double d2 = dy * dy + dx * dx;
        return closed ? d2 <= radius * radius : d2 < radius * radius;
    }

    private double offset(double d, int size) {
        return wrap ? d - size * Math.floor(d / size + 0.5) : d;
    }

    /**
     * Zeroes every channel of the covered cells, in place. Cells outside the disc are not touched
     * (their values stay bit-identical).
     *
     * @param state {@code [C, S, S]}, any data type; may be a view into a larger array
     * @return the number of cells zeroed
     */
    public int apply(INDArray state) {
        if (state.rank() != 3 || state.size(1) != state.size(2)) {
            throw new IllegalArgumentException("state must be [C, S, S], got shape "
                    + java.util.Arrays.toString(state.shape()));
        }
        int size = (int) state.size(1);
        int zeroed = 0;
        for (int i = 0; i < size; i++) {
            int j = 0;
            while (j < size) {
                if (!covers(i, j, size)) {
                    j++;
                    continue;
                }
                int end = j;
                while (end < size && covers(i, end, size)) {
                    end++;
                }
                state.get(NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.interval(j, end)).assign(0.0);
                zeroed += end - j;
                j = end;
            }
        }
        return zeroed;
    }
}
