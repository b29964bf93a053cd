package dev.nca.plugins.kernels.standard;

/**
 * The fixed 3x3 stencils of eq. 2 of Richardson et al. (2024), with the paper's factors.
 *
 * <p>Convention (that of {@link dev.nca.api.Kernels}): {@code s[a][b]} multiplies the neighbour at
 * row offset {@code a-1} and column offset {@code b-1}, a correlation. With it, {@link #sobelX()}
 * of the row ramp {@code f(i, j) = i} is {@code -1} and {@link #sobelY()} of the column ramp
 * {@code f(i, j) = j} is {@code -1}: the paper's gradient kernels as printed measure minus the
 * derivative along rows and columns respectively (the sign is immaterial to a learned rule).
 * Every method returns a fresh array.
 */
public final class Stencils {

    private Stencils() {
    }

    /** The cell itself. */
    public static double[][] identity() {
        return new double[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}};
    }

    /** The mean of the 3x3 neighbourhood: 1/9 everywhere. */
    public static double[][] average() {
        double n = 1.0 / 9.0;
        return new double[][] {{n, n, n}, {n, n, n}, {n, n, n}};
    }

    /** Paper's gradient_x: 1/8 [[1, 2, 1], [0, 0, 0], [-1, -2, -1]]. */
    public static double[][] sobelX() {
        return scaled(new double[][] {{1, 2, 1}, {0, 0, 0}, {-1, -2, -1}}, 1.0 / 8.0);
    }

    /** Paper's gradient_y: 1/8 [[1, 0, -1], [2, 0, -2], [1, 0, -1]]. */
    public static double[][] sobelY() {
        return scaled(new double[][] {{1, 0, -1}, {2, 0, -2}, {1, 0, -1}}, 1.0 / 8.0);
    }

    /** The nine-point Laplacian: 1/4 [[1, 2, 1], [2, -12, 2], [1, 2, 1]]. */
    public static double[][] laplacian() {
        return scaled(new double[][] {{1, 2, 1}, {2, -12, 2}, {1, 2, 1}}, 1.0 / 4.0);
    }

    private static double[][] scaled(double[][] s, double factor) {
        for (double[] row : s) {
            for (int b = 0; b < row.length; b++) {
                row[b] *= factor;
            }
        }
        return s;
    }
}
