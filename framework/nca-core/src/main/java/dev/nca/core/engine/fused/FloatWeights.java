package dev.nca.core.engine.fused;

import dev.nca.core.model.NcaParameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameters as float32 Java arrays in the layouts the tile kernels read, including the
 * transposes the backward pass needs: {@code w2 [C*K][H]}, {@code w2t [H][C*K]}, {@code b2 [H]} or
 * null, {@code w1 [H][C]}, {@code w1t [C][H]}, {@code v [C]}, all row-major.
 */
record FloatWeights(float[] w2, float[] w2t, float[] b2, float[] w1, float[] w1t, float[] v) {

    static FloatWeights of(NcaParameters p) {
        return new FloatWeights(floats(p.w2()), floats(p.w2().transpose()), p.b2() == null ? null : floats(p.b2()),
                floats(p.w1()), floats(p.w1().transpose()), floats(p.v()));
    }

    private static float[] floats(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
