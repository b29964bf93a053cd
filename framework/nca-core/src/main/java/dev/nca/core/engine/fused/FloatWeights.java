package dev.nca.core.engine.fused;

import dev.nca.core.model.FloatMatrices;
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
        float[] w2t = FloatMatrices.transpose(w2, (int) p.w2().size(0), (int) p.w2().size(1));
        float[] w1t = FloatMatrices.transpose(w1, (int) p.w1().size(0), (int) p.w1().size(1));
        return new FloatWeights(w2, w2t, p.b2() == null ? null : floats(p.b2()), w1, w1t, floats(p.v()));
    }

    private static float[] floats(INDArray a) {
        float[] out = new float[(int) a.length()];
        FusedEngine.readFloats(a, out, out.length);
        return out;
    }
}
