package dev.nca.plugins.dataset.image.sequence;

import dev.nca.api.NcaException;
import dev.nca.support.io.Npy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads trajectories from a {@code .npy} file: shape {@code [T, C, H, W]} (one trajectory) or
 * {@code [R, T, C, H, W]}, any dtype {@link Npy} reads (float32, float64, integers, booleans), C
 * order, {@code H = W}; values are used as stored (as float64).
 * Channels are named {@code c0, c1, ...}.
 */
final class NpyFrames {

    private NpyFrames() {
    }

    /**
     * @param maxValues the largest number of elements allowed
     * @throws NcaException naming the file for an unsupported file, wrong rank, empty or non-square
     *                      frames, too many values or non-finite values
     */
    static FrameStack load(Path file, long maxValues) {
        INDArray array = Npy.read(file, DataType.DOUBLE, maxValues);
        long[] s = array.shape();
        if (s.length != 4 && s.length != 5) {
            throw new NcaException(file + " holds an array of shape " + shapeText(s) + " (rank " + s.length
                    + "); expected rank 4 [T, C, H, W] (one trajectory) or rank 5 [R, T, C, H, W]");
        }
        long[] five = s.length == 5 ? s : new long[] {1, s[0], s[1], s[2], s[3]};
        for (long d : five) {
            if (d == 0) {
                throw new NcaException(file + " holds an empty array of shape " + shapeText(s));
            }
        }
        if (five[3] != five[4]) {
            throw new NcaException(file + " holds frames " + five[4] + " wide and " + five[3] + " high (shape "
                    + shapeText(s) + "); frames must be square (H = W)");
        }
        double[] values = array.data().asDouble();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new NcaException(file + " contains a non-finite value " + values[i] + " at flat index " + i);
            }
        }
        int channels = (int) five[2];
        List<String> names = new ArrayList<>(channels);
        for (int c = 0; c < channels; c++) {
            names.add("c" + c);
        }
        return new FrameStack(values, (int) five[0], (int) five[1], channels, (int) five[3], names, file.toString(),
                false);
    }

    /** The shape as NumPy prints it, e.g. {@code (2, 3)} or {@code (5,)}. */
    private static String shapeText(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }
}
