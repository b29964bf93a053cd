package dev.nca.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss created for one run by {@link LossFunction#create(Params, ExtensionContext)}. It may hold
 * per-run state (e.g. random projection directions) but must not depend on the order of calls
 * for its value, except where the loss documents that it redraws randomness per call.
 */
public interface Loss extends AutoCloseable {

    /**
     * Per-sample loss between prediction and target, and optionally its gradient.
     *
     * @param prediction   {@code [B, C_obs, S, S]}, the observable channels of the NCA state;
     *                     not modified
     * @param target       {@code [B, C_obs, S, S]}, the data; not modified
     * @param gradientOut  {@code [B, C_obs, S, S]} or {@code null}: when given, receives
     *                     d loss[b] / d prediction[b] (each sample's gradient of its own loss)
     * @return {@code [B]} per-sample loss values, same data type as {@code prediction}
     */
    INDArray evaluate(INDArray prediction, INDArray target, INDArray gradientOut);

    /**
     * Frees what the loss holds for its run (e.g. native arrays of projection directions); called
     * once when training ends. The default holds nothing and does nothing.
     */
    @Override
    default void close() {
    }
}
