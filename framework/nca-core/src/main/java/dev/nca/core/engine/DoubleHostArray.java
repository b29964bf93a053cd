package dev.nca.core.engine;

import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataBuffer;

/** {@link HostArray} of {@code double}. Twin of the other precision: keep both alike. */
final class DoubleHostArray extends HostArray {

    final double[] a;

    DoubleHostArray(int length) {
        a = new double[length];
    }

    @Override
    int length() {
        return a.length;
    }

    @Override
    double get(int i) {
        return a[i];
    }

    @Override
    void set(int i, double value) {
        a[i] = (double) value;
    }

    @Override
    void zero() {
        Arrays.fill(a, 0);
    }

    @Override
    void copyFrom(HostArray other) {
        System.arraycopy(((DoubleHostArray) other).a, 0, a, 0, a.length);
    }

    @Override
    Buffer view(DataBuffer buffer) {
        return buffer.asNioDouble();
    }

    @Override
    void copyIn(Buffer view, int from, int to, int n) {
        ((DoubleBuffer) view).get(from, a, to, n);
    }

    @Override
    void copyOut(Buffer view, int to, int from, int n) {
        ((DoubleBuffer) view).put(to, a, from, n);
    }

    @Override
    void axpy(int d, HostArray source, int s, double gd, int n) {
        double[] src = ((DoubleHostArray) source).a;
        double g = (double) gd;
        for (int j = 0; j < n; j++) {
            a[d + j] += g * src[s + j];
        }
    }

    @Override
    void stencilRow(int d, HostArray source, int s, int stride, StencilWeights weights, int n) {
        double[] src = ((DoubleHostArray) source).a;
        double[] w = weights.doubles();
        double w0 = (double) w[0], w1 = (double) w[1], w2 = (double) w[2];
        double w3 = (double) w[3], w4 = (double) w[4], w5 = (double) w[5];
        double w6 = (double) w[6], w7 = (double) w[7], w8 = (double) w[8];
        int r0 = s;
        int r1 = s + stride;
        int r2 = s + 2 * stride;
        for (int j = 0; j < n; j++) {
            a[d + j] += w0 * src[r0 + j] + w1 * src[r0 + j + 1] + w2 * src[r0 + j + 2]
                    + w3 * src[r1 + j] + w4 * src[r1 + j + 1] + w5 * src[r1 + j + 2]
                    + w6 * src[r2 + j] + w7 * src[r2 + j + 1] + w8 * src[r2 + j + 2];
        }
    }

    @Override
    void padPlane(int d, HostArray source, int s, int n, int[] rows, int left, int right) {
        double[] src = ((DoubleHostArray) source).a;
        int p = n + 2;
        for (int r = 0; r < p; r++) {
            int to = d + r * p;
            int row = rows[r];
            if (row < 0) {
                Arrays.fill(a, to, to + p, 0);
                continue;
            }
            int from = s + row * n;
            System.arraycopy(src, from, a, to + 1, n);
            a[to] = left < 0 ? 0 : src[from + left];
            a[to + n + 1] = right < 0 ? 0 : src[from + right];
        }
    }

    @Override
    void foldPlane(int d, HostArray padded, int s, int n, int[] rows, int left, int right) {
        double[] src = ((DoubleHostArray) padded).a;
        int p = n + 2;
        for (int r = 0; r < p; r++) {
            int row = rows[r];
            if (row < 0) {
                continue;
            }
            int to = d + row * n;
            int from = s + r * p;
            for (int j = 0; j < n; j++) {
                a[to + j] += src[from + 1 + j];
            }
            if (left >= 0) {
                a[to + left] += src[from];
            }
            if (right >= 0) {
                a[to + right] += src[from + n + 1];
            }
        }
    }

    @Override
    void copyRows(int d, int stride, HostArray source, int s, int srcStride, int rows, int n) {
        double[] src = ((DoubleHostArray) source).a;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, s + r * srcStride, a, d + r * stride, n);
        }
    }

    @Override
    void residual(int off, HostArray update, double biasd, HostArray mask, int mOff, int n) {
        double[] f = ((DoubleHostArray) update).a;
        double bias = (double) biasd;
        if (mask == null) {
            for (int i = 0; i < n; i++) {
                a[off + i] += f[off + i] + bias;
            }
        } else {
            double[] m = ((DoubleHostArray) mask).a;
            for (int i = 0; i < n; i++) {
                a[off + i] += m[mOff + i] * (f[off + i] + bias);
            }
        }
    }

    @Override
    void maskedCopy(int off, HostArray grad, HostArray mask, int mOff, int n) {
        double[] g = ((DoubleHostArray) grad).a;
        if (mask == null) {
            System.arraycopy(g, off, a, off, n);
        } else {
            double[] m = ((DoubleHostArray) mask).a;
            for (int i = 0; i < n; i++) {
                a[off + i] = m[mOff + i] * g[off + i];
            }
        }
    }

    @Override
    double sum(int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[off + i];
        }
        return s;
    }

    @Override
    void add(HostArray other) {
        double[] o = ((DoubleHostArray) other).a;
        for (int i = 0; i < a.length; i++) {
            a[i] += o[i];
        }
    }
}
