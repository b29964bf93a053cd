package dev.nca.core.engine.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link TileKernels} through the incubating Vector API, in the machine's preferred width L.
 * Loaded by {@link TileKernels#select()} only when the module {@code jdk.incubator.vector} is
 * present. {@link #project} keeps a block of 4 outputs x 4 vectors (16 accumulators) in
 * registers and streams the inputs once per block, and 4 outputs x 1 vector for the whole vectors
 * left over (a tile of 3 rows of 80 cells has 3 of them; one output at a time made the paper
 * image-morph epoch 1.3x slower); {@link #accumulateOuter} keeps 4 x 4 dot products in registers
 * over the whole tile. Cells beyond the last whole vector run as scalar
 * loops (into lane 0 for the reductions).
 */
final class VectorTileKernels implements TileKernels {

    private static final VectorSpecies<Float> SP = FloatVector.SPECIES_PREFERRED;
    private static final int L = SP.length();

    @Override
    public void project(float[] w, float[] bias, int ins, int outs, float[] in, float[] out, int ld, int n) {
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) {
            int o = 0;
            for (; o + 4 <= outs; o += 4) {
                project4x4(w, bias, ins, outs, o, in, out, ld, j);
            }
            for (; o < outs; o++) {
                for (int v = 0; v < 4; v++) {
                    project1x1(w, bias, ins, outs, o, in, out, ld, j + v * L);
                }
            }
        }
        for (; j + L <= n; j += L) {
            int o = 0;
            for (; o + 4 <= outs; o += 4) {
                project4x1(w, bias, ins, outs, o, in, out, ld, j);
            }
            for (; o < outs; o++) {
                project1x1(w, bias, ins, outs, o, in, out, ld, j);
            }
        }
        for (; j < n; j++) {
            for (int o = 0; o < outs; o++) {
                float acc = bias == null ? 0f : bias[o];
                for (int i = 0; i < ins; i++) {
                    acc = Math.fma(w[i * outs + o], in[i * ld + j], acc);
                }
                out[o * ld + j] = acc;
            }
        }
    }

    private static void project4x4(float[] w, float[] bias, int ins, int outs, int o, float[] in, float[] out,
                                   int ld, int j) {
        FloatVector b0 = FloatVector.broadcast(SP, bias == null ? 0f : bias[o]);
        FloatVector b1 = FloatVector.broadcast(SP, bias == null ? 0f : bias[o + 1]);
        FloatVector b2 = FloatVector.broadcast(SP, bias == null ? 0f : bias[o + 2]);
        FloatVector b3 = FloatVector.broadcast(SP, bias == null ? 0f : bias[o + 3]);
        FloatVector a00 = b0, a01 = b0, a02 = b0, a03 = b0;
        FloatVector a10 = b1, a11 = b1, a12 = b1, a13 = b1;
        FloatVector a20 = b2, a21 = b2, a22 = b2, a23 = b2;
        FloatVector a30 = b3, a31 = b3, a32 = b3, a33 = b3;
        for (int i = 0; i < ins; i++) {
            int p = i * ld + j;
            FloatVector x0 = FloatVector.fromArray(SP, in, p);
            FloatVector x1 = FloatVector.fromArray(SP, in, p + L);
            FloatVector x2 = FloatVector.fromArray(SP, in, p + 2 * L);
            FloatVector x3 = FloatVector.fromArray(SP, in, p + 3 * L);
            int q = i * outs + o;
            FloatVector w0 = FloatVector.broadcast(SP, w[q]);
            a00 = x0.fma(w0, a00);
            a01 = x1.fma(w0, a01);
            a02 = x2.fma(w0, a02);
            a03 = x3.fma(w0, a03);
            FloatVector w1 = FloatVector.broadcast(SP, w[q + 1]);
            a10 = x0.fma(w1, a10);
            a11 = x1.fma(w1, a11);
            a12 = x2.fma(w1, a12);
            a13 = x3.fma(w1, a13);
            FloatVector w2 = FloatVector.broadcast(SP, w[q + 2]);
            a20 = x0.fma(w2, a20);
            a21 = x1.fma(w2, a21);
            a22 = x2.fma(w2, a22);
            a23 = x3.fma(w2, a23);
            FloatVector w3 = FloatVector.broadcast(SP, w[q + 3]);
            a30 = x0.fma(w3, a30);
            a31 = x1.fma(w3, a31);
            a32 = x2.fma(w3, a32);
            a33 = x3.fma(w3, a33);
        }
        int r0 = o * ld + j;
        int r1 = r0 + ld;
        int r2 = r1 + ld;
        int r3 = r2 + ld;
        a00.intoArray(out, r0);
        a01.intoArray(out, r0 + L);
        a02.intoArray(out, r0 + 2 * L);
        a03.intoArray(out, r0 + 3 * L);
        a10.intoArray(out, r1);
        a11.intoArray(out, r1 + L);
        a12.intoArray(out, r1 + 2 * L);
        a13.intoArray(out, r1 + 3 * L);
        a20.intoArray(out, r2);
        a21.intoArray(out, r2 + L);
        a22.intoArray(out, r2 + 2 * L);
        a23.intoArray(out, r2 + 3 * L);
        a30.intoArray(out, r3);
        a31.intoArray(out, r3 + L);
        a32.intoArray(out, r3 + 2 * L);
        a33.intoArray(out, r3 + 3 * L);
    }

    /** Four outputs of one vector of cells: the leftover vectors when n is not a multiple of 4 L. */
    private static void project4x1(float[] w, float[] bias, int ins, int outs, int o, float[] in, float[] out,
                                   int ld, int j) {
        FloatVector a0 = FloatVector.broadcast(SP, bias == null ? 0f : bias[o]);
        FloatVector a1 = FloatVector.broadcast(SP, bias == null ? 0f : bias[o + 1]);
        FloatVector a2 = FloatVector.broadcast(SP, bias == null ? 0f : bias[o + 2]);
        FloatVector a3 = FloatVector.broadcast(SP, bias == null ? 0f : bias[o + 3]);
        for (int i = 0; i < ins; i++) {
            FloatVector x = FloatVector.fromArray(SP, in, i * ld + j);
            int q = i * outs + o;
            a0 = x.fma(FloatVector.broadcast(SP, w[q]), a0);
            a1 = x.fma(FloatVector.broadcast(SP, w[q + 1]), a1);
            a2 = x.fma(FloatVector.broadcast(SP, w[q + 2]), a2);
            a3 = x.fma(FloatVector.broadcast(SP, w[q + 3]), a3);
        }
        int r = o * ld + j;
        a0.intoArray(out, r);
        a1.intoArray(out, r + ld);
        a2.intoArray(out, r + 2 * ld);
        a3.intoArray(out, r + 3 * ld);
    }

    private static void project1x1(float[] w, float[] bias, int ins, int outs, int o, float[] in, float[] out,
                                   int ld, int j) {
        FloatVector acc = FloatVector.broadcast(SP, bias == null ? 0f : bias[o]);
        for (int i = 0; i < ins; i++) {
            acc = FloatVector.fromArray(SP, in, i * ld + j).fma(FloatVector.broadcast(SP, w[i * outs + o]), acc);
        }
        acc.intoArray(out, o * ld + j);
    }

    @Override
    public void accumulateOuter(float[] x, int xs, float[] y, int ys, int ld, int n, float[] acc) {
        int whole = n - n % L;
        int r = 0;
        for (; r + 4 <= xs; r += 4) {
            int s = 0;
            for (; s + 4 <= ys; s += 4) {
                outer4x4(x, r, y, s, ys, ld, whole, acc);
            }
            for (; s < ys; s++) {
                for (int k = 0; k < 4; k++) {
                    outer1x1(x, r + k, y, s, ys, ld, whole, acc);
                }
            }
        }
        for (; r < xs; r++) {
            for (int s = 0; s < ys; s++) {
                outer1x1(x, r, y, s, ys, ld, whole, acc);
            }
        }
        if (whole < n) {
            for (r = 0; r < xs; r++) {
                for (int s = 0; s < ys; s++) {
                    float sum = 0f;
                    for (int j = whole; j < n; j++) {
                        sum = Math.fma(x[r * ld + j], y[s * ld + j], sum);
                    }
                    acc[(r * ys + s) * L] += sum;
                }
            }
        }
    }

    private static void outer4x4(float[] x, int r, float[] y, int s, int ys, int ld, int whole, float[] acc) {
        int e0 = r * ys + s;
        int e1 = e0 + ys;
        int e2 = e1 + ys;
        int e3 = e2 + ys;
        FloatVector c00 = load(acc, e0), c01 = load(acc, e0 + 1), c02 = load(acc, e0 + 2), c03 = load(acc, e0 + 3);
        FloatVector c10 = load(acc, e1), c11 = load(acc, e1 + 1), c12 = load(acc, e1 + 2), c13 = load(acc, e1 + 3);
        FloatVector c20 = load(acc, e2), c21 = load(acc, e2 + 1), c22 = load(acc, e2 + 2), c23 = load(acc, e2 + 3);
        FloatVector c30 = load(acc, e3), c31 = load(acc, e3 + 1), c32 = load(acc, e3 + 2), c33 = load(acc, e3 + 3);
        int x0 = r * ld, y0 = s * ld;
        for (int j = 0; j < whole; j += L) {
            FloatVector u0 = FloatVector.fromArray(SP, x, x0 + j);
            FloatVector u1 = FloatVector.fromArray(SP, x, x0 + ld + j);
            FloatVector u2 = FloatVector.fromArray(SP, x, x0 + 2 * ld + j);
            FloatVector u3 = FloatVector.fromArray(SP, x, x0 + 3 * ld + j);
            FloatVector v0 = FloatVector.fromArray(SP, y, y0 + j);
            FloatVector v1 = FloatVector.fromArray(SP, y, y0 + ld + j);
            FloatVector v2 = FloatVector.fromArray(SP, y, y0 + 2 * ld + j);
            FloatVector v3 = FloatVector.fromArray(SP, y, y0 + 3 * ld + j);
            c00 = u0.fma(v0, c00);
            c01 = u0.fma(v1, c01);
            c02 = u0.fma(v2, c02);
            c03 = u0.fma(v3, c03);
            c10 = u1.fma(v0, c10);
            c11 = u1.fma(v1, c11);
            c12 = u1.fma(v2, c12);
            c13 = u1.fma(v3, c13);
            c20 = u2.fma(v0, c20);
            c21 = u2.fma(v1, c21);
            c22 = u2.fma(v2, c22);
            c23 = u2.fma(v3, c23);
            c30 = u3.fma(v0, c30);
            c31 = u3.fma(v1, c31);
            c32 = u3.fma(v2, c32);
            c33 = u3.fma(v3, c33);
        }
        store(c00, acc, e0);
        store(c01, acc, e0 + 1);
        store(c02, acc, e0 + 2);
        store(c03, acc, e0 + 3);
        store(c10, acc, e1);
        store(c11, acc, e1 + 1);
        store(c12, acc, e1 + 2);
        store(c13, acc, e1 + 3);
        store(c20, acc, e2);
        store(c21, acc, e2 + 1);
        store(c22, acc, e2 + 2);
        store(c23, acc, e2 + 3);
        store(c30, acc, e3);
        store(c31, acc, e3 + 1);
        store(c32, acc, e3 + 2);
        store(c33, acc, e3 + 3);
    }

    private static void outer1x1(float[] x, int r, float[] y, int s, int ys, int ld, int whole, float[] acc) {
        int e = r * ys + s;
        FloatVector c = load(acc, e);
        for (int j = 0; j < whole; j += L) {
            c = FloatVector.fromArray(SP, x, r * ld + j).fma(FloatVector.fromArray(SP, y, s * ld + j), c);
        }
        store(c, acc, e);
    }

    private static FloatVector load(float[] acc, int entry) {
        return FloatVector.fromArray(SP, acc, entry * L);
    }

    private static void store(FloatVector v, float[] acc, int entry) {
        v.intoArray(acc, entry * L);
    }

    @Override
    public void accumulateRows(float[] x, int rows, int ld, int n, float[] acc) {
        int whole = n - n % L;
        for (int r = 0; r < rows; r++) {
            FloatVector c = load(acc, r);
            for (int j = 0; j < whole; j += L) {
                c = c.add(FloatVector.fromArray(SP, x, r * ld + j));
            }
            store(c, acc, r);
            float tail = 0f;
            for (int j = whole; j < n; j++) {
                tail += x[r * ld + j];
            }
            acc[r * L] += tail;
        }
    }

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public String describe() {
        return "vector (" + L + " x float32)";
    }
}
