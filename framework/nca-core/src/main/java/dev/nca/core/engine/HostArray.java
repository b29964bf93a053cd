package dev.nca.core.engine;

import java.nio.Buffer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A flat Java-heap array of the run's floating type, with the few loops the engine runs in Java
 * (stencils, masked residual updates) and bulk copies to and from contiguous ND4J arrays.
 *
 * <p>Two implementations exist, for float32 and float64; each method is a short loop the JIT can
 * vectorise. Lattice data are laid out channel-major, {@code [C][B][S][S]}.
 */
abstract class HostArray {

    /**
     * A zeroed array of {@code length} elements of {@code dtype} (FLOAT or DOUBLE); float32 arrays
     * run their stencil loops with {@code ops}.
     */
    static HostArray create(DataType dtype, int length, FloatRowOps ops) {
        return switch (dtype) {
            case FLOAT -> new FloatHostArray(length, ops);
            case DOUBLE -> new DoubleHostArray(length);
            default -> throw new IllegalArgumentException("the engine supports FLOAT and DOUBLE, not " + dtype);
        };
    }

    abstract int length();

    abstract double get(int i);

    abstract void set(int i, double value);

    /** Sets every element to zero. */
    abstract void zero();

    /** Copies all elements of {@code other} (same type and length). */
    abstract void copyFrom(HostArray other);

    /** Reads a contiguous c-order ND4J array of the same type and length. */
    final void readFrom(INDArray source) {
        check(source);
        Nd4j.getAffinityManager().ensureLocation(source, AffinityManager.Location.HOST);
        copyIn(view(source.data()), 0, 0, length());
    }

    /** Writes into a contiguous c-order ND4J array of the same type and length. */
    final void writeTo(INDArray target) {
        check(target);
        Nd4j.getAffinityManager().ensureLocation(target, AffinityManager.Location.HOST);
        copyOut(view(target.data()), 0, 0, length());
        Nd4j.getAffinityManager().tagLocation(target, AffinityManager.Location.HOST);
    }

    /**
     * Reads a contiguous c-order {@code [B, C, P]} ND4J array of the same type and length into this
     * feature-major {@code [C, B, P]} array, plane by plane, without ND4J temporaries.
     */
    final void readSampleMajor(INDArray source, int batch, int channels, int plane) {
        check(source);
        Nd4j.getAffinityManager().ensureLocation(source, AffinityManager.Location.HOST);
        Buffer view = view(source.data());
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                copyIn(view, (b * channels + c) * plane, (c * batch + b) * plane, plane);
            }
        }
    }

    /** Writes this feature-major {@code [C, B, P]} array into a contiguous c-order {@code [B, C, P]} one. */
    final void writeSampleMajor(INDArray target, int batch, int channels, int plane) {
        check(target);
        Nd4j.getAffinityManager().ensureLocation(target, AffinityManager.Location.HOST);
        Buffer view = view(target.data());
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                copyOut(view, (b * channels + c) * plane, (c * batch + b) * plane, plane);
            }
        }
        Nd4j.getAffinityManager().tagLocation(target, AffinityManager.Location.HOST);
    }

    /** A NIO view of a host buffer of this type ({@code FloatBuffer} or {@code DoubleBuffer}), made once per copy. */
    abstract Buffer view(DataBuffer buffer);

    /** Copies {@code n} elements of a {@link #view}, from index {@code from} to this array's {@code to}. */
    abstract void copyIn(Buffer view, int from, int to, int n);

    /** Copies {@code n} elements of this array, from index {@code from}, into a {@link #view} at {@code to}. */
    abstract void copyOut(Buffer view, int to, int from, int n);

    private void check(INDArray x) {
        if (x.length() != length() || x.data().length() != length() || x.ordering() != 'c') {
            throw new IllegalArgumentException("need a contiguous array of " + length() + " elements");
        }
    }

    /** {@code this[d+j] += g * src[s+j]} for j in [0, n): one stencil row on padded data. */
    abstract void axpy(int d, HostArray src, int s, double g, int n);

    /**
     * A fused 3x3 stencil row: {@code this[d+j] += sum_{a,b} w[3a+b] * src[s + a*stride + j + b]}
     * for j in [0, n).
     */
    abstract void stencilRow(int d, HostArray src, int s, int stride, StencilWeights w, int n);

    /**
     * Fills the padded plane {@code [n+2][n+2]} at {@code d} from the plane {@code [n][n]} of
     * {@code src} at {@code s}: padded row {@code r} is plane row {@code rows[r]} (or zeros when it is
     * -1), its inner {@code n} cells are that row, its first and last cells are that row's columns
     * {@code left} and {@code right} (or 0 when -1). The boundary decides rows, left and right.
     */
    abstract void padPlane(int d, HostArray src, int s, int n, int[] rows, int left, int right);

    /**
     * Adjoint of {@link #padPlane}: adds every cell of the padded plane of {@code padded} at
     * {@code s} onto the plane cell at {@code d} it was copied from.
     */
    abstract void foldPlane(int d, HostArray padded, int s, int n, int[] rows, int left, int right);

    /**
     * Copies {@code rows} rows of {@code n} elements: row r from {@code src[s + r*srcStride]} to
     * {@code this[d + r*stride]}.
     */
    abstract void copyRows(int d, int stride, HostArray src, int s, int srcStride, int rows, int n);

    /**
     * Masked residual update on one channel plane of {@code n} cells starting at {@code off}:
     * {@code this[off+i] += m(i) * (f[off+i] + bias)}, where {@code m(i)} is {@code mask[mOff+i]}
     * or 1 when {@code mask} is null.
     */
    abstract void residual(int off, HostArray f, double bias, HostArray mask, int mOff, int n);

    /** {@code this[off+i] = m(i) * g[off+i]} on {@code n} elements (m as in {@link #residual}). */
    abstract void maskedCopy(int off, HostArray g, HostArray mask, int mOff, int n);

    /** Sum of elements {@code [off, off+n)}. */
    abstract double sum(int off, int n);

    /** {@code this[i] += other[i]} for all i. */
    abstract void add(HostArray other);
}
