package dev.nca.runtime.analyse.rules;

/**
 * Linear least squares {@code min ||X w - y||_2} by Householder QR, in double precision, for tall
 * matrices given as columns. A column that is (numerically, relative to the largest column) a
 * combination of earlier ones gets coefficient 0; the others are the least-squares solution on
 * the remaining columns.
 */
public final class LeastSquares {

    /** Pivots below this fraction of the largest are treated as zero (rank deficiency). */
    static final double RANK_TOLERANCE = 1e-11;

    private LeastSquares() {
    }

    /**
     * Solves the problem.
     *
     * @param columns the p columns of X, each of length n >= p; not modified
     * @param y       the right-hand side, length n; not modified
     * @return the p coefficients w
     */
    public static double[] solve(double[][] columns, double[] y) {
        int p = columns.length;
        int n = y.length;
        if (p > n) {
            throw new IllegalArgumentException("least squares needs at least as many rows (" + n + ") as columns ("
                    + p + ")");
        }
        double[][] a = new double[p][];
        for (int j = 0; j < p; j++) {
            if (columns[j].length != n) {
                throw new IllegalArgumentException("column " + j + " has " + columns[j].length + " rows, not " + n);
            }
            a[j] = columns[j].clone();
        }
        double[] b = y.clone();
        double largest = 0;
        for (double[] col : a) {
            double norm = 0;
            for (double v : col) {
                norm = Math.hypot(norm, v);
            }
            largest = Math.max(largest, norm);
        }
        double[] diagonal = new double[p];
        int[] pivotRow = new int[p];
        int row = 0;
        for (int k = 0; k < p; k++) {
            pivotRow[k] = -1;
            if (row >= n) {
                continue;
            }
            double norm = 0;
            for (int i = row; i < n; i++) {
                norm = Math.hypot(norm, a[k][i]);
            }
            if (norm <= RANK_TOLERANCE * largest) {
                continue;
            }
            if (a[k][row] < 0) {
                norm = -norm;
            }
            for (int i = row; i < n; i++) {
                a[k][i] /= norm;
            }
            a[k][row] += 1;
            for (int j = k + 1; j < p; j++) {
                reflect(a[k], a[j], row, n);
            }
            reflect(a[k], b, row, n);
            diagonal[k] = -norm;
            pivotRow[k] = row++;
        }
        double[] w = new double[p];
        for (int k = p - 1; k >= 0; k--) {
            if (pivotRow[k] < 0) {
                continue;
            }
            int r = pivotRow[k];
            double s = b[r];
            for (int j = k + 1; j < p; j++) {
                s -= a[j][r] * w[j];
            }
            w[k] = s / diagonal[k];
        }
        return w;
    }

    /** Applies the Householder reflection stored in {@code v} (rows k..n-1) to {@code x}. */
    private static void reflect(double[] v, double[] x, int k, int n) {
        double s = 0;
        for (int i = k; i < n; i++) {
            s += v[i] * x[i];
        }
        s = -s / v[k];
        for (int i = k; i < n; i++) {
            x[i] += s * v[i];
        }
    }
}
