package dev.nca.bench;

import dev.nca.api.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * relu for the benchmarks, doing the same ND4J passes as the shipped {@code relu} plugin so that
 * the measured time matches training: u(a) = max(a, 0) as a copy then an in-place relu (2 passes);
 * u'(a) = 1 where a >= 0, else 0, as copy, negate, in-place step, {@code 1 - x} (4 passes).
 *
 * <p>Works on any shape and floating data type; {@code out} has the shape and type of {@code a}.
 * Stateless and thread-safe.
 */
final class BenchRelu implements Activation {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String description() {
        return "max(a, 0), with the ND4J passes of the relu plugin (benchmarks only).";
    }

    @Override
    public void apply(INDArray a, INDArray out) {
        out.assign(a);
        Transforms.relu(out, false);
    }

    @Override
    public void derivative(INDArray a, INDArray out) {
        // step(-a) is 1 exactly where a < 0, so 1 - step(-a) is the right derivative of relu
        out.assign(a).negi();
        Transforms.step(out, false);
        out.rsubi(1.0);
    }
}
