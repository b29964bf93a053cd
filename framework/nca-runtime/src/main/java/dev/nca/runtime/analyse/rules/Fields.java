package dev.nca.runtime.analyse.rules;

import dev.nca.api.Boundary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The observable fields of one lattice state and their finite-difference derivatives, computed
 * on demand and cached. Fields are row-major {@code [S * S]} doubles, named by the dataset's
 * channel names. Derivatives use the lattice's boundary rule and the stencils:
 * <pre>
 *   lap(u)  = 1/4 [[1, 2, 1], [2, -12, 2], [1, 2, 1]] * u   (the nine-point Laplacian of the
 *                                                            Gray-Scott generator and the id-lap kernels)
 *   d_x(u)  = (u[i, j+1] - u[i, j-1]) / 2                  (columns, central difference)
 *   d_y(u)  = (u[i+1, j] - u[i-1, j]) / 2                  (rows, central difference)
 * </pre>
 */
public final class Fields {

    private final List<String> names;
    private final double[][] values;
    private final int size;
    private final Boundary boundary;
    private final Map<String, double[]> cache = new HashMap<>();

    /**
     * @param names    channel names, one per field
     * @param values   {@code [C_obs][S * S]} row-major fields (not copied; not modified)
     * @param size     the lattice side S
     * @param boundary how neighbours beyond the edge are read
     */
    public Fields(List<String> names, double[][] values, int size, Boundary boundary) {
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " names for " + values.length + " fields");
        }
        for (double[] v : values) {
            if (v.length != size * size) {
                throw new IllegalArgumentException("each field needs " + size * size + " values, got " + v.length);
            }
        }
        this.names = List.copyOf(names);
        this.values = values;
        this.size = size;
        this.boundary = boundary;
    }

    /** The channel names. */
    public List<String> names() {
        return names;
    }

    /** The number of cells S * S. */
    public int cells() {
        return size * size;
    }

    /** Field c, {@code [S * S]}. */
    public double[] field(int c) {
        return values[c];
    }

    /** The nine-point Laplacian of field c. */
    public double[] laplacian(int c) {
        return cache.computeIfAbsent("lap" + c, k -> {
            double[] u = values[c];
            double[] out = new double[u.length];
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    double edges = at(u, i - 1, j) + at(u, i + 1, j) + at(u, i, j - 1) + at(u, i, j + 1);
                    double corners = at(u, i - 1, j - 1) + at(u, i - 1, j + 1) + at(u, i + 1, j - 1)
                            + at(u, i + 1, j + 1);
                    out[i * size + j] = 0.25 * (corners + 2 * edges - 12 * u[i * size + j]);
                }
            }
            return out;
        });
    }

    /** The central difference of field c along columns (x, to the right). */
    public double[] gradientX(int c) {
        return cache.computeIfAbsent("dx" + c, k -> difference(values[c], 0, 1));
    }

    /** The central difference of field c along rows (y, downwards). */
    public double[] gradientY(int c) {
        return cache.computeIfAbsent("dy" + c, k -> difference(values[c], 1, 0));
    }

    private double[] difference(double[] u, int di, int dj) {
        double[] out = new double[u.length];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                out[i * size + j] = 0.5 * (at(u, i + di, j + dj) - at(u, i - di, j - dj));
            }
        }
        return out;
    }

    private double at(double[] u, int i, int j) {
        int r = index(i);
        int c = index(j);
        return r < 0 || c < 0 ? 0.0 : u[r * size + c];
    }

    private int index(int i) {
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
