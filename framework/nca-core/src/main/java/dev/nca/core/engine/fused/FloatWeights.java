package dev.nca.core.engine.fused;

import dev.nca.core.model.NcaParameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameters as float32 Java arrays in the layouts the tile kernels read, including the
 * transposes the backward pass needs: {@code w2 [C*K][H]}, {@code w2t [H][C*K]}, {@code b2 [H]} or
 * null, {@code w1 [H][C]}, {@code w1t [C][H]}, {@code v [C]}, all row-major. Made per rollout and
 * per backward pass; copies the parameters straight into Java arrays (no ND4J temporaries), and
 * transposes in Java.
 */
record FloatWeights(float[] w2, float[] w2t, float[] b2, float[] w1, float[] w1t, float[] v) {

    static FloatWeights of(NcaParameters p) {
        float[] w2 = floats(p.w2());
        float[] w1 = floats(p.w1());
        return new FloatWeights(w2, transpose(w2, (int) p.w2().size(0), (int) p.w2().size(1)),
                p.b2() == null ? null : floats(p.b2()), w1, transpose(w1, (int) p.w1().size(0), (int) p.w1().size(1)),
                floats(p.v()));
    }

    private static float[] floats(INDArray a) {
        float[] out = new float[(int) a.length()];
        FusedEngine.readFloats(a, out, out.length);
        return out;
    }

    /** {@code [cols][rows]} row-major from {@code [rows][cols]} row-major. */
    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }
}
