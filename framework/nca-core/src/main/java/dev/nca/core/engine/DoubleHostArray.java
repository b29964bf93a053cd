package dev.nca.core.engine;

import java.util.Arrays;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
    void readFrom(INDArray source) {
        check(source);
        Nd4j.getAffinityManager().ensureLocation(source, AffinityManager.Location.HOST);
        source.data().asNioDouble().get(a, 0, a.length);
    }

    @Override
    void writeTo(INDArray target) {
        check(target);
        Nd4j.getAffinityManager().ensureLocation(target, AffinityManager.Location.HOST);
        target.data().asNioDouble().put(a, 0, a.length);
        Nd4j.getAffinityManager().tagLocation(target, AffinityManager.Location.HOST);
    }

    private void check(INDArray x) {
        if (x.length() != a.length || x.data().length() != a.length || x.ordering() != 'c') {
            throw new IllegalArgumentException("need a contiguous array of " + a.length + " elements");
        }
    }

    @Override
    void gatherRow(int d, HostArray source, int s, double gd, int dj, int[] map, int size) {
        double[] src = ((DoubleHostArray) source).a;
        double g = (double) gd;
        for (int j = 1; j < size - 1; j++) {
            a[d + j] += g * src[s + j + dj];
        }
        edgeGather(d, src, s, g, map, 0);
        if (size > 1) {
            edgeGather(d, src, s, g, map, size - 1);
        }
    }

    private void edgeGather(int d, double[] src, int s, double g, int[] map, int j) {
        if (map[j] >= 0) {
            a[d + j] += g * src[s + map[j]];
        }
    }

    @Override
    void scatterRow(int d, HostArray source, int s, double gd, int dj, int[] map, int size) {
        double[] src = ((DoubleHostArray) source).a;
        double g = (double) gd;
        for (int j = 1; j < size - 1; j++) {
            a[d + j + dj] += g * src[s + j];
        }
        edgeScatter(d, src, s, g, map, 0);
        if (size > 1) {
            edgeScatter(d, src, s, g, map, size - 1);
        }
    }

    private void edgeScatter(int d, double[] src, int s, double g, int[] map, int j) {
        if (map[j] >= 0) {
            a[d + map[j]] += g * src[s + j];
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
