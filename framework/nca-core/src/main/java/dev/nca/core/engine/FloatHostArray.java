package dev.nca.core.engine;

import java.util.Arrays;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
    void readFrom(INDArray source) {
        check(source);
        Nd4j.getAffinityManager().ensureLocation(source, AffinityManager.Location.HOST);
        source.data().asNioFloat().get(a, 0, a.length);
    }

    @Override
    void writeTo(INDArray target) {
        check(target);
        Nd4j.getAffinityManager().ensureLocation(target, AffinityManager.Location.HOST);
        target.data().asNioFloat().put(a, 0, a.length);
        Nd4j.getAffinityManager().tagLocation(target, AffinityManager.Location.HOST);
    }

    @Override
    void readSampleMajor(INDArray source, int batch, int channels, int plane) {
        check(source);
        Nd4j.getAffinityManager().ensureLocation(source, AffinityManager.Location.HOST);
        java.nio.FloatBuffer buf = source.data().asNioFloat();
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                buf.get((b * channels + c) * plane, a, (c * batch + b) * plane, plane);
            }
        }
    }

    @Override
    void writeSampleMajor(INDArray target, int batch, int channels, int plane) {
        check(target);
        Nd4j.getAffinityManager().ensureLocation(target, AffinityManager.Location.HOST);
        java.nio.FloatBuffer buf = target.data().asNioFloat();
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                buf.put((b * channels + c) * plane, a, (c * batch + b) * plane, plane);
            }
        }
        Nd4j.getAffinityManager().tagLocation(target, AffinityManager.Location.HOST);
    }

    private void check(INDArray x) {
        if (x.length() != a.length || x.data().length() != a.length || x.ordering() != 'c') {
            throw new IllegalArgumentException("need a contiguous array of " + a.length + " elements");
        }
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
