package dev.nca.core.engine;

import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataBuffer;

/** {@link HostArray} of {@code float}. Twin of the other precision: keep both alike. */
final class FloatHostArray extends HostArray {

    final float[] a;
    private final FloatRowOps ops;

    FloatHostArray(int length, FloatRowOps ops) {
        a = new float[length];
        this.ops = ops;
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
        a[i] = (float) value;
    }

    @Override
    void zero() {
        Arrays.fill(a, 0);
    }

    @Override
    void copyFrom(HostArray other) {
        System.arraycopy(((FloatHostArray) other).a, 0, a, 0, a.length);
    }

    @Override
    Buffer view(DataBuffer buffer) {
        return buffer.asNioFloat();
    }

    @Override
    void copyIn(Buffer view, int from, int to, int n) {
        ((FloatBuffer) view).get(from, a, to, n);
    }

    @Override
    void copyOut(Buffer view, int to, int from, int n) {
        ((FloatBuffer) view).put(to, a, from, n);
    }

    @Override
    void axpy(int d, HostArray source, int s, double g, int n) {
        ops.axpy(a, d, ((FloatHostArray) source).a, s, (float) g, n);
    }

    @Override
    void stencilRow(int d, HostArray source, int s, int stride, StencilWeights w, int n) {
        ops.stencilRow(a, d, ((FloatHostArray) source).a, s, stride, w.floats(), n);
    }

    @Override
    void padPlane(int d, HostArray source, int s, int n, int[] rows, int left, int right) {
        float[] src = ((FloatHostArray) source).a;
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
        float[] src = ((FloatHostArray) padded).a;
        int p = n + 2;
        for (int r = 0; r < p; r++) {
            int row = rows[r];
            if (row < 0) {
                continue;
            }
            int to = d + row * n;
            int from = s + r * p;
            ops.add(a, to, src, from + 1, n);
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
        float[] src = ((FloatHostArray) source).a;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, s + r * srcStride, a, d + r * stride, n);
        }
    }

    @Override
    void residual(int off, HostArray update, double biasd, HostArray mask, int mOff, int n) {
        float[] f = ((FloatHostArray) update).a;
        float bias = (float) biasd;
        if (mask == null) {
            for (int i = 0; i < n; i++) {
                a[off + i] += f[off + i] + bias;
            }
        } else {
            float[] m = ((FloatHostArray) mask).a;
            for (int i = 0; i < n; i++) {
                a[off + i] += m[mOff + i] * (f[off + i] + bias);
            }
        }
    }

    @Override
    void maskedCopy(int off, HostArray grad, HostArray mask, int mOff, int n) {
        float[] g = ((FloatHostArray) grad).a;
        if (mask == null) {
            System.arraycopy(g, off, a, off, n);
        } else {
            float[] m = ((FloatHostArray) mask).a;
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
        float[] o = ((FloatHostArray) other).a;
        for (int i = 0; i < a.length; i++) {
            a[i] += o[i];
        }
    }
}
