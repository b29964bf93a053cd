package dev.nca.plugins.dataset.bz;

/**
 * Test-only reference of one BZ update, written independently of {@link BzLattice}: fields are
 * {@code [species][row][col]}, the 3 x 3 mean is taken by explicit offsets with modular indices,
 * and the reaction is written out again here (not taken from {@link CyclicReaction}).
 */
final class Reference {

    private Reference() {
    }

    static double[][][] step(double[][][] x, double alpha, double beta, double gamma) {
        int n = x[0].length;
        double[][][] out = new double[3][n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] m = new double[3];
                for (int s = 0; s < 3; s++) {
                    for (int di = -1; di <= 1; di++) {
                        for (int dj = -1; dj <= 1; dj++) {
                            m[s] += x[s][Math.floorMod(i + di, n)][Math.floorMod(j + dj, n)];
                        }
                    }
                    m[s] /= 9;
                }
                out[0][i][j] = Math.max(0, Math.min(1, m[0] * (1 + alpha * m[1] - gamma * m[2])));
                out[1][i][j] = Math.max(0, Math.min(1, m[1] * (1 + beta * m[2] - alpha * m[0])));
                out[2][i][j] = Math.max(0, Math.min(1, m[2] * (1 + gamma * m[0] - beta * m[1])));
            }
        }
        return out;
    }

    /** Flattens species s of {@code [3][n][n]} to row-major. */
    static double[] flat(double[][][] x, int s) {
        int n = x[s].length;
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[s][i], 0, out, i * n, n);
        }
        return out;
    }

    /** Species s of a lattice as {@code [n][n]}. */
    static double[][] grid(BzLattice lattice, int s, int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = lattice.value(s, i, j);
            }
        }
        return out;
    }
}
