package dev.nca.core.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A flat Java-heap array of the run's floating type, with the few loops the engine runs in Java
 * (stencils, masked residual updates) and bulk copies to and from contiguous ND4J arrays.
 *
 * <p>Two implementations exist, for float32 and float64; each method is a short loop the JIT can
 * vectorise. Lattice data are laid out channel-major, {@code [C][B][S][S]}.
 */
abstract class HostArray {

    /** A zeroed array of {@code length} elements of {@code dtype} (FLOAT or DOUBLE). */
    static HostArray create(DataType dtype, int length) {
        return switch (dtype) {
            case FLOAT -> new FloatHostArray(length);
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
    abstract void readFrom(INDArray source);

    /** Writes into a contiguous c-order ND4J array of the same type and length. */
    abstract void writeTo(INDArray target);

    /** {@code this[d+j] += g * src[s+j]} for j in [0, n): one stencil row on padded data. */
    abstract void axpy(int d, HostArray src, int s, double g, int n);

    /**
     * A fused 3x3 stencil row: {@code this[d+j] += sum_{a,b} w[3a+b] * src[s + a*stride + j + b]}
     * for j in [0, n).
     */
    abstract void stencilRow(int d, HostArray src, int s, int stride, double[] w, int n);

    /**
     * Fills a padded plane: {@code this[d+p] = src[s+index[p]]}, or 0 where {@code index[p] < 0}.
     */
    abstract void pad(int d, HostArray src, int s, int[] index);

    /** Adjoint of {@link #pad}: {@code this[d+index[p]] += padded[s+p]} where {@code index[p] >= 0}. */
    abstract void fold(int d, HostArray padded, int s, int[] index);

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
