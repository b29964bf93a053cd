package dev.nca.plugins.activations.standard;

import dev.nca.api.Activation;
import dev.nca.api.ArrayActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.pf4j.Extension;

/**
 * {@code relu}: u(a) = max(a, 0) = (|a| + a) / 2, the paper's choice; u'(a) = 1 for a >= 0
 * (the right derivative at 0) and 0 for a < 0.
 *
 * <p>Each method is one ND4J pass for float32 and float64 (the engine calls them for every step
 * of every rollout): the derivative is ND4J's {@code step} (x > cutoff) with the cutoff at the
 * negative number of least magnitude of the data type, so that exactly the a >= 0 (including
 * -0.0) give 1.
 */
@Extension
public class Relu implements Activation, ArrayActivation {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String description() {
        return "Rectified linear unit max(a, 0); derivative 1 for a >= 0, else 0.";
    }

    @Override
    public void apply(INDArray a, INDArray out) {
        Nd4j.exec(new RectifiedLinear(a, out, 0.0));
    }

    @Override
    public void derivative(INDArray a, INDArray out) {
        if (a.dataType() == DataType.FLOAT) {
            Nd4j.exec(new Step(a, out, -Float.MIN_VALUE));
        } else if (a.dataType() == DataType.DOUBLE) {
            Nd4j.exec(new Step(a, out, -Double.MIN_VALUE));
        } else {
            // step(-a) is 1 exactly where a < 0, so 1 - step(-a) is 1 where a >= 0 (also for a = -0.0)
            Transforms.step(out.assign(a).negi(), false).rsubi(1.0);
        }
    }

    @Override
    public void apply(float[] a, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Math.max(a[i], 0f);
        }
    }

    /**
     * Branch-free so that the JIT vectorises it (a comparison per element would mispredict half the
     * time): {@code |a| - a} is 0 for a >= 0 (also -0.0) and {@code 2|a| >= 2^-148} for a < 0,
     * which two scalings by {@code 2^100} lift to at least 1 (or infinity), so the result is
     * exactly 1 for a >= 0 and exactly 0 for a < 0.
     */
    @Override
    public void derivative(float[] a, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            float x = a[i];
            out[i] = 1f - Math.min(1f, (Math.abs(x) - x) * 0x1p100f * 0x1p100f);
        }
    }
}
