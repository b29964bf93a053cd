package dev.nca.plugins.activations.standard;

import dev.nca.api.Activation;
import dev.nca.api.ArrayActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.pf4j.Extension;

/** {@code linear}: u(a) = a, u'(a) = 1 (makes the update rule a linear function of perception). */
@Extension
public class Linear implements Activation, ArrayActivation {

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String description() {
        return "Identity u(a) = a; derivative 1.";
    }

    @Override
    public void apply(INDArray a, INDArray out) {
        out.assign(a);
    }

    @Override
    public void derivative(INDArray a, INDArray out) {
        out.assign(1.0);
    }

    @Override
    public void apply(float[] a, float[] out, int from, int to) {
        System.arraycopy(a, from, out, from, to - from);
    }

    @Override
    public void derivative(float[] a, float[] out, int from, int to) {
        java.util.Arrays.fill(out, from, to, 1f);
    }
}
