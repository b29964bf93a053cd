package dev.nca.plugins.dataset.gray.scott;

/**
 * Explicit Euler integration of the Gray-Scott equations on a periodic S x S lattice, in double
 * precision:
 * <pre>
 * dA/dt = D_A lap(A) - A B^2 + feed (1 - A)
 * dB/dt = D_B lap(B) + A B^2 - (kill + feed) B
 * </pre>
 * with the nine-point Laplacian {@code 1/4 [[1, 2, 1], [2, -12, 2], [1, 2, 1]]}. Fields are
 * row-major {@code [S * S]} arrays; one pair of buffers is reused for every step. Not
 * thread-safe: one solver per thread.
 */
final class GrayScottSolver {

    /** The model's constants. */
    record Rates(double dt, double diffusionA, double diffusionB, double feed, double kill) {
    }

    private final int size;
    private final Rates rates;
    private final int[] previous;
    private final int[] next;
    private double[] a;
    private double[] b;
    private double[] nextA;
    private double[] nextB;

    GrayScottSolver(int size, Rates rates) {
        if (size < 1) {
            throw new IllegalArgumentException("lattice side must be >= 1, got " + size);
        }
        this.size = size;
        this.rates = rates;
        int cells = size * size;
        a = new double[cells];
        b = new double[cells];
        nextA = new double[cells];
        nextB = new double[cells];
        previous = new int[size];
        next = new int[size];
        for (int i = 0; i < size; i++) {
            previous[i] = (i - 1 + size) % size;
            next[i] = (i + 1) % size;
        }
    }

    /** Sets the state to copies of {@code a0} and {@code b0}, each {@code [S * S]} row-major. */
    void reset(double[] a0, double[] b0) {
        if (a0.length != a.length || b0.length != b.length) {
            throw new IllegalArgumentException("fields must have " + a.length + " cells");
        }
        System.arraycopy(a0, 0, a, 0, a.length);
        System.arraycopy(b0, 0, b, 0, b.length);
    }

    /** Concentration of A at row i, column j. */
    double a(int i, int j) {
        return a[i * size + j];
    }

    /** Concentration of B at row i, column j. */
    double b(int i, int j) {
        return b[i * size + j];
    }

    /** Copies A then B into {@code dest} starting at {@code offset} (2 S^2 values). */
    void copyTo(double[] dest, int offset) {
        System.arraycopy(a, 0, dest, offset, a.length);
        System.arraycopy(b, 0, dest, offset + a.length, b.length);
    }

    /** Advances the state by {@code steps} Euler steps. */
    void advance(int steps) {
        for (int s = 0; s < steps; s++) {
            step();
        }
    }

    private void step() {
        final double dt = rates.dt();
        final double da = rates.diffusionA();
        final double db = rates.diffusionB();
        final double feed = rates.feed();
        final double decay = rates.kill() + rates.feed();
        for (int i = 0; i < size; i++) {
            int up = previous[i] * size;
            int row = i * size;
            int down = next[i] * size;
            for (int j = 0; j < size; j++) {
                int left = previous[j];
                int right = next[j];
                int c = row + j;
                double lapA = 0.25 * (a[up + left] + a[up + right] + a[down + left] + a[down + right]
                        + 2 * (a[up + j] + a[down + j] + a[row + left] + a[row + right]) - 12 * a[c]);
                double lapB = 0.25 * (b[up + left] + b[up + right] + b[down + left] + b[down + right]
                        + 2 * (b[up + j] + b[down + j] + b[row + left] + b[row + right]) - 12 * b[c]);
                double ab2 = a[c] * b[c] * b[c];
                nextA[c] = a[c] + dt * (da * lapA - ab2 + feed * (1 - a[c]));
                nextB[c] = b[c] + dt * (db * lapB + ab2 - decay * b[c]);
            }
        }
        double[] t = a;
        a = nextA;
        nextA = t;
        t = b;
        b = nextB;
        nextB = t;
    }
}
