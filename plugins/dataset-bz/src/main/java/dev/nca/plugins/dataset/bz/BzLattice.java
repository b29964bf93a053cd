package dev.nca.plugins.dataset.bz;

/**
 * The discrete Belousov-Zhabotinsky-like model on a periodic S x S lattice. One update:
 * <ol>
 *   <li>every species is replaced by its mean over the 3 x 3 (Moore) neighbourhood of each cell,
 *       the cell included, wrapping around the edges;</li>
 *   <li>the {@link CyclicReaction} map is applied to the three means of each cell and the results
 *       are clamped to [0, 1].</li>
 * </ol>
 * Fields are row-major {@code [S * S]} double arrays; buffers are reused across updates. Not
 * thread-safe: one instance per thread.
 */
final class BzLattice {

    /** The species, in channel order. */
    static final int SPECIES = 3;

    private final int size;
    private final CyclicReaction reaction;
    private final int[] previous;
    private final int[] next;
    private double[][] fields = new double[SPECIES][];
    private double[][] spare = new double[SPECIES][];
    private final double[][] means = new double[SPECIES][];

    BzLattice(int size, CyclicReaction reaction) {
        if (size < 1) {
            throw new IllegalArgumentException("lattice side must be >= 1, got " + size);
        }
        this.size = size;
        this.reaction = reaction;
        for (int s = 0; s < SPECIES; s++) {
            fields[s] = new double[size * size];
            spare[s] = new double[size * size];
            means[s] = new double[size * size];
        }
        previous = new int[size];
        next = new int[size];
        for (int i = 0; i < size; i++) {
            previous[i] = (i - 1 + size) % size;
            next[i] = (i + 1) % size;
        }
    }

    /** Sets species a, b, c to copies of the given {@code [S * S]} row-major fields. */
    void reset(double[] a, double[] b, double[] c) {
        double[][] given = {a, b, c};
        for (int s = 0; s < SPECIES; s++) {
            if (given[s].length != size * size) {
                throw new IllegalArgumentException("fields must have " + size * size + " cells, got "
                        + given[s].length);
            }
            System.arraycopy(given[s], 0, fields[s], 0, size * size);
        }
    }

    /** Concentration of species {@code s} (0 = a, 1 = b, 2 = c) at row i, column j. */
    double value(int s, int i, int j) {
        return fields[s][i * size + j];
    }

    /** Copies species {@code s} into {@code dest} at {@code offset} (S^2 values). */
    void copyTo(int s, double[] dest, int offset) {
        System.arraycopy(fields[s], 0, dest, offset, size * size);
    }

    /** Advances by {@code updates} updates. */
    void advance(int updates) {
        for (int u = 0; u < updates; u++) {
            step();
        }
    }

    private void step() {
        for (int s = 0; s < SPECIES; s++) {
            neighbourhoodMean(fields[s], means[s]);
        }
        double[] ma = means[0];
        double[] mb = means[1];
        double[] mc = means[2];
        double[] a = spare[0];
        double[] b = spare[1];
        double[] c = spare[2];
        for (int k = 0; k < a.length; k++) {
            a[k] = reaction.nextA(ma[k], mb[k], mc[k]);
            b[k] = reaction.nextB(ma[k], mb[k], mc[k]);
            c[k] = reaction.nextC(ma[k], mb[k], mc[k]);
        }
        double[][] t = fields;
        fields = spare;
        spare = t;
    }

    private void neighbourhoodMean(double[] f, double[] out) {
        for (int i = 0; i < size; i++) {
            int up = previous[i] * size;
            int row = i * size;
            int down = next[i] * size;
            for (int j = 0; j < size; j++) {
                int l = previous[j];
                int r = next[j];
                out[row + j] = (f[up + l] + f[up + j] + f[up + r] + f[row + l] + f[row + j] + f[row + r]
                        + f[down + l] + f[down + j] + f[down + r]) / 9.0;
            }
        }
    }
}
