package dev.nca.bench;

import dev.nca.api.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * relu for the benchmarks, doing the same ND4J passes as the shipped {@code relu} plugin so that
 * the measured time matches training: u(a) = max(a, 0) in one pass; u'(a) = 1 where a >= 0, else
 * 0, as one {@code step} pass with the cutoff at the negative number of least magnitude.
 *
 * <p>Works on any shape of float32 or float64; {@code out} has the shape and type of {@code a}.
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
        Nd4j.exec(new RectifiedLinear(a, out, 0.0));
    }

    @Override
    public void derivative(INDArray a, INDArray out) {
        double cutoff = a.dataType() == DataType.FLOAT ? -Float.MIN_VALUE : -Double.MIN_VALUE;
        Nd4j.exec(new Step(a, out, cutoff));
    }
}
