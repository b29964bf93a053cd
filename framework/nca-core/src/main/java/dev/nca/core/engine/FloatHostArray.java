package dev.nca.core.engine;

import java.util.Arrays;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link HostArray} of {@code float}. Twin of the other precision: keep both alike. */
final class FloatHostArray extends HostArray {

    final float[] a;

    FloatHostArray(int length) {
        a = new float[length];
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

    private void check(INDArray x) {
        if (x.length() != a.length || x.data().length() != a.length || x.ordering() != 'c') {
            throw new IllegalArgumentException("need a contiguous array of " + a.length + " elements");
        }
    }

    @Override
    void axpy(int d, HostArray source, int s, double gd, int n) {
        float[] src = ((FloatHostArray) source).a;
        float g = (float) gd;
        for (int j = 0; j < n; j++) {
            a[d + j] += g * src[s + j];
        }
    }

    @Override
    void stencilRow(int d, HostArray source, int s, int stride, double[] w, int n) {
        float[] src = ((FloatHostArray) source).a;
        float w0 = (float) w[0], w1 = (float) w[1], w2 = (float) w[2];
        float w3 = (float) w[3], w4 = (float) w[4], w5 = (float) w[5];
        float w6 = (float) w[6], w7 = (float) w[7], w8 = (float) w[8];
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
    void pad(int d, HostArray source, int s, int[] index) {
        float[] src = ((FloatHostArray) source).a;
        for (int p = 0; p < index.length; p++) {
            int i = index[p];
            a[d + p] = i >= 0 ? src[s + i] : 0;
        }
    }

    @Override
    void fold(int d, HostArray padded, int s, int[] index) {
        float[] src = ((FloatHostArray) padded).a;
        for (int p = 0; p < index.length; p++) {
            int i = index[p];
            if (i >= 0) {
                a[d + i] += src[s + p];
            }
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
