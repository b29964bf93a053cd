package dev.nca.api;

import java.util.List;
import java.util.Objects;

/**
 * A set of K fixed 3x3 perception stencils.
 *
 * <p>{@code stencils[k][a][b]} multiplies the neighbour at row offset {@code a-1} and column
 * offset {@code b-1} (a correlation, as in eq. 1 of Richardson et al. 2024): the perception of
 * channel c by kernel k at cell (i, j) is {@code sum_ab stencils[k][a][b] * x[c, i+a-1, j+b-1]}.
 *
 * @param names             one short name per kernel, e.g. {@code ["identity", "laplacian"]}
 * @param stencils          {@code [K][3][3]}, copied on construction
 * @param rotationSymmetric whether every stencil is invariant under 90-degree rotation
 */
public record Kernels(List<String> names, double[][][] stencils, boolean rotationSymmetric) {

    public Kernels {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(stencils, "stencils");
        if (names.size() != stencils.length || stencils.length == 0) {
            throw new IllegalArgumentException("need one name per stencil and at least one stencil, got "
                    + names.size() + " names and " + stencils.length + " stencils");
        }
        double[][][] copy = new double[stencils.length][3][3];
        for (int k = 0; k < stencils.length; k++) {
            if (stencils[k].length != 3) {
                throw new IllegalArgumentException("stencil '" + names.get(k) + "' is not 3x3");
            }
            for (int a = 0; a < 3; a++) {
                if (stencils[k][a].length != 3) {
                    throw new IllegalArgumentException("stencil '" + names.get(k) + "' is not 3x3");
                }
                for (int b = 0; b < 3; b++) {
                    if (!Double.isFinite(stencils[k][a][b])) {
                        throw new IllegalArgumentException("stencil '" + names.get(k) + "' has a non-finite entry");
                    }
                    copy[k][a][b] = stencils[k][a][b];
                }
            }
        }
        names = List.copyOf(names);
        stencils = copy;
    }

    /** K, the number of stencils. */
    public int count() {
        return stencils.length;
    }

    /** A copy of stencil k as {@code [3][3]}. */
    public double[][] stencil(int k) {
        double[][] s = new double[3][];
        for (int a = 0; a < 3; a++) {
            s[a] = stencils[k][a].clone();
        }
        return s;
    }

    /** Whether a 3x3 stencil equals itself rotated by 90 degrees (within 1e-12). */
    public static boolean isRotationSymmetric(double[][] s) {
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                if (Math.abs(s[a][b] - s[2 - b][a]) > 1e-12) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Kernels from named stencils; rotation symmetry is computed. */
    public static Kernels of(List<String> names, double[][][] stencils) {
        boolean sym = true;
        for (double[][] s : stencils) {
            sym &= isRotationSymmetric(s);
        }
        return new Kernels(names, stencils, sym);
    }
}
