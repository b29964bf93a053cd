package dev.nca.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Extension point: the element-wise non-linearity u of the NCA's hidden layer, with its
 * derivative. Selected with {@code [model] activation = "<name>"}.
 *
 * <p>Both methods take the pre-activation {@code a} of any shape (in the engine {@code [H, N]},
 * H hidden units by N cells), do not modify it, and write into {@code out}, which has the same
 * shape and data type and never aliases {@code a}. Implementations use ND4J operations only (no
 * element loops in Java) so that they run on every backend, and must be thread-safe.
 */
public interface Activation extends NamedExtension {

    /** Writes u(a) into {@code out}. */
    void apply(INDArray a, INDArray out);

    /**
     * Writes u'(a) into {@code out}. Where u is not differentiable (relu at 0), use the one-sided
     * derivative from the right; the gradient checker avoids such points.
     */
    void derivative(INDArray a, INDArray out);
}
