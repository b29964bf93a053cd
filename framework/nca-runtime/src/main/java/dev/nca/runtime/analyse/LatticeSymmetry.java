package dev.nca.runtime.analyse;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The seven non-trivial symmetries of the square lattice (the dihedral group D4 without the
 * identity), acting on the two spatial axes of states {@code [B, C, S, S]} (row i, column j).
 * Each maps cell (i, j) of the result to a cell of the input as its javadoc says.
 */
public enum LatticeSymmetry {
    /** Rotation by 90 degrees counter-clockwise: out[i][j] = in[j][S-1-i]. */
    ROTATE_90("rot90"),
    /** Rotation by 180 degrees: out[i][j] = in[S-1-i][S-1-j]. */
    ROTATE_180("rot180"),
    /** Rotation by 270 degrees counter-clockwise: out[i][j] = in[S-1-j][i]. */
    ROTATE_270("rot270"),
    /** Mirror left-right: out[i][j] = in[i][S-1-j]. */
    FLIP_COLUMNS("flip-lr"),
    /** Mirror up-down: out[i][j] = in[S-1-i][j]. */
    FLIP_ROWS("flip-ud"),
    /** Reflection in the main diagonal: out[i][j] = in[j][i]. */
    TRANSPOSE("transpose"),
    /** Reflection in the anti-diagonal: out[i][j] = in[S-1-j][S-1-i]. */
    ANTI_TRANSPOSE("anti-transpose");

    private final String label;

    LatticeSymmetry(String label) {
        this.label = label;
    }

    /** Short name used in reports, e.g. {@code "rot90"}. */
    public String label() {
        return label;
    }

    /**
     * Applies the symmetry.
     *
     * @param states {@code [B, C, S, S]}, FLOAT or DOUBLE; not modified
     * @return a new array of the same shape and data type
     */
    public INDArray apply(INDArray states) {
        if (states.rank() != 4 || states.size(2) != states.size(3)) {
            throw new IllegalArgumentException("states must be [B, C, S, S], got " + Arrays.toString(states.shape()));
        }
        int s = (int) states.size(3);
        int planes = (int) (states.size(0) * states.size(1));
        double[] in = states.dup('c').data().asDouble();
        double[] out = new double[in.length];
        int cells = s * s;
        for (int p = 0; p < planes; p++) {
            int base = p * cells;
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < s; j++) {
                    out[base + i * s + j] = in[base + source(i, j, s)];
                }
            }
        }
        return Nd4j.create(out, states.shape(), 'c').castTo(states.dataType());
    }

    /** Row-major index in the input of the cell that lands on (i, j). */
    private int source(int i, int j, int s) {
        int m = s - 1;
        return switch (this) {
            case ROTATE_90 -> j * s + (m - i);
            case ROTATE_180 -> (m - i) * s + (m - j);
            case ROTATE_270 -> (m - j) * s + i;
            case FLIP_COLUMNS -> i * s + (m - j);
            case FLIP_ROWS -> (m - i) * s + j;
            case TRANSPOSE -> j * s + i;
            case ANTI_TRANSPOSE -> (m - j) * s + (m - i);
        };
    }
}
