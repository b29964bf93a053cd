package dev.nca.core.engine;

/** {@link FloatRowOps} as plain Java loops (used when the Vector API is not available). */
final class ScalarFloatRowOps implements FloatRowOps {

    @Override
    public void axpy(float[] dst, int d, float[] src, int s, float g, int n) {
        for (int j = 0; j < n; j++) {
            dst[d + j] += g * src[s + j];
        }
    }

    @Override
    public void stencilRow(float[] dst, int d, float[] src, int s, int stride, float[] w, int n) {
        float w0 = w[0], w1 = w[1], w2 = w[2];
        float w3 = w[3], w4 = w[4], w5 = w[5];
        float w6 = w[6], w7 = w[7], w8 = w[8];
        int r0 = s;
        int r1 = s + stride;
        int r2 = s + 2 * stride;
        for (int j = 0; j < n; j++) {
            dst[d + j] += w0 * src[r0 + j] + w1 * src[r0 + j + 1] + w2 * src[r0 + j + 2]
                    + w3 * src[r1 + j] + w4 * src[r1 + j + 1] + w5 * src[r1 + j + 2]
                    + w6 * src[r2 + j] + w7 * src[r2 + j + 1] + w8 * src[r2 + j + 2];
        }
    }

    @Override
    public void add(float[] dst, int d, float[] src, int s, int n) {
        for (int j = 0; j < n; j++) {
            dst[d + j] += src[s + j];
        }
    }

    @Override
    public String describe() {
        return "scalar";
    }
}
