package dev.nca.core.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatRowOps} with the JDK's incubating Vector API, in the machine's preferred vector
 * width. Loaded by {@link FloatRowOps#select()} only when the module {@code jdk.incubator.vector}
 * is present. Each element is computed by the same chain of fused multiply-adds in the vector
 * body and in the scalar tail ({@link Math#fma}), so results do not depend on the vector width.
 */
final class VectorFloatRowOps implements FloatRowOps {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Override
    public void axpy(float[] dst, int d, float[] src, int s, float g, int n) {
        int step = SPECIES.length();
        FloatVector vg = FloatVector.broadcast(SPECIES, g);
        int j = 0;
        for (; j <= n - step; j += step) {
            FloatVector.fromArray(SPECIES, src, s + j)
                    .fma(vg, FloatVector.fromArray(SPECIES, dst, d + j))
                    .intoArray(dst, d + j);
        }
        for (; j < n; j++) {
            dst[d + j] = Math.fma(src[s + j], g, dst[d + j]);
        }
    }

    @Override
    public void stencilRow(float[] dst, int d, float[] src, int s, int stride, float[] w, int n) {
        int step = SPECIES.length();
        int r0 = s;
        int r1 = s + stride;
        int r2 = s + 2 * stride;
        float w0 = w[0], w1 = w[1], w2 = w[2];
        float w3 = w[3], w4 = w[4], w5 = w[5];
        float w6 = w[6], w7 = w[7], w8 = w[8];
        FloatVector v0 = FloatVector.broadcast(SPECIES, w0);
        FloatVector v1 = FloatVector.broadcast(SPECIES, w1);
        FloatVector v2 = FloatVector.broadcast(SPECIES, w2);
        FloatVector v3 = FloatVector.broadcast(SPECIES, w3);
        FloatVector v4 = FloatVector.broadcast(SPECIES, w4);
        FloatVector v5 = FloatVector.broadcast(SPECIES, w5);
        FloatVector v6 = FloatVector.broadcast(SPECIES, w6);
        FloatVector v7 = FloatVector.broadcast(SPECIES, w7);
        FloatVector v8 = FloatVector.broadcast(SPECIES, w8);
        int j = 0;
        for (; j <= n - step; j += step) {
            FloatVector acc = FloatVector.fromArray(SPECIES, dst, d + j);
            acc = FloatVector.fromArray(SPECIES, src, r0 + j).fma(v0, acc);
            acc = FloatVector.fromArray(SPECIES, src, r0 + j + 1).fma(v1, acc);
            acc = FloatVector.fromArray(SPECIES, src, r0 + j + 2).fma(v2, acc);
            acc = FloatVector.fromArray(SPECIES, src, r1 + j).fma(v3, acc);
            acc = FloatVector.fromArray(SPECIES, src, r1 + j + 1).fma(v4, acc);
            acc = FloatVector.fromArray(SPECIES, src, r1 + j + 2).fma(v5, acc);
            acc = FloatVector.fromArray(SPECIES, src, r2 + j).fma(v6, acc);
            acc = FloatVector.fromArray(SPECIES, src, r2 + j + 1).fma(v7, acc);
            acc = FloatVector.fromArray(SPECIES, src, r2 + j + 2).fma(v8, acc);
            acc.intoArray(dst, d + j);
        }
        for (; j < n; j++) {
            float acc = dst[d + j];
            acc = Math.fma(src[r0 + j], w0, acc);
            acc = Math.fma(src[r0 + j + 1], w1, acc);
            acc = Math.fma(src[r0 + j + 2], w2, acc);
            acc = Math.fma(src[r1 + j], w3, acc);
            acc = Math.fma(src[r1 + j + 1], w4, acc);
            acc = Math.fma(src[r1 + j + 2], w5, acc);
            acc = Math.fma(src[r2 + j], w6, acc);
            acc = Math.fma(src[r2 + j + 1], w7, acc);
            acc = Math.fma(src[r2 + j + 2], w8, acc);
            dst[d + j] = acc;
        }
    }

    @Override
    public void add(float[] dst, int d, float[] src, int s, int n) {
        int step = SPECIES.length();
        int j = 0;
        for (; j <= n - step; j += step) {
            FloatVector.fromArray(SPECIES, dst, d + j).add(FloatVector.fromArray(SPECIES, src, s + j))
                    .intoArray(dst, d + j);
        }
        for (; j < n; j++) {
            dst[d + j] += src[s + j];
        }
    }

    @Override
    public String describe() {
        return "vector (" + SPECIES.length() + " x float32)";
    }
}
