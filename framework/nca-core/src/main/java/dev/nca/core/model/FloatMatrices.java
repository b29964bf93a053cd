package dev.nca.core.model;

/** Small helpers for the model's weight matrices held as row-major float32 Java arrays. */
public final class FloatMatrices {

    private FloatMatrices() {
    }

    /**
     * The transpose of a row-major {@code [rows][cols]} matrix, as a new row-major
     * {@code [cols][rows]} array.
     *
     * @param m    {@code rows * cols} values, row-major
     * @param rows rows of {@code m}
     * @param cols columns of {@code m}
     */
    public static float[] transpose(float[] m, int rows, int cols) {
        if (m.length != rows * cols) {
            throw new IllegalArgumentException("need " + rows + " x " + cols + " values, got " + m.length);
        }
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }
}
