package dev.nca.render;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A lattice state copied out of ND4J into plain Java arrays: {@code channels} planes of
 * {@code height x width} doubles in row-major order. Rendering then runs without touching
 * native memory again.
 */
final class Planes {

    private final double[][] data;
    private final int height;
    private final int width;

    private Planes(double[][] data, int height, int width) {
        this.data = data;
        this.height = height;
        this.width = width;
    }

    /**
     * Copies a state.
     *
     * @param state {@code [C, H, W]} or {@code [H, W]} (one channel), any floating-point dtype;
     *              not modified
     */
    static Planes of(INDArray state) {
        Objects.requireNonNull(state, "state");
        if (!state.dataType().isFPType()) {
            throw new IllegalArgumentException("state must be a floating-point array, got " + state.dataType());
        }
        INDArray s3;
        if (state.rank() == 2) {
            s3 = state.reshape('c', 1, state.size(0), state.size(1));
        } else if (state.rank() == 3) {
            s3 = state;
        } else {
            throw new IllegalArgumentException("state must be [C, S, S] (or [S, S] for one channel), got shape "
                    + Arrays.toString(state.shape()));
        }
        long c = s3.size(0);
        long h = s3.size(1);
        long w = s3.size(2);
        if (c < 1 || h < 1 || w < 1 || h * w > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("state has an unusable shape " + Arrays.toString(state.shape()));
        }
        double[] flat = s3.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int plane = (int) (h * w);
        double[][] data = new double[(int) c][];
        for (int k = 0; k < c; k++) {
            data[k] = Arrays.copyOfRange(flat, k * plane, (k + 1) * plane);
        }
        return new Planes(data, (int) h, (int) w);
    }

    int channels() {
        return data.length;
    }

    int height() {
        return height;
    }

    int width() {
        return width;
    }

    /** Channel {@code c} as a row-major {@code height * width} array (shared, do not modify). */
    double[] channel(int c) {
        return data[c];
    }

    /** Channel {@code c}, or a zero plane if {@code c} is past the last channel. */
    double[] channelOrZero(int c) {
        return c < data.length ? data[c] : new double[height * width];
    }
}
