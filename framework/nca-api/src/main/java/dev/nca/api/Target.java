package dev.nca.api;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One comparison of a mini-batch: after {@code step} NCA steps, the observable channels of the
 * state are compared with {@code observed} by the run's loss, weighted by {@code weight}.
 *
 * @param step     1..{@link MiniBatch#steps()}
 * @param observed {@code [B, C_obs, S, S]}
 * @param weight   non-negative weight of this comparison in the sample's loss
 */
public record Target(int step, INDArray observed, double weight) {
    public Target {
        Objects.requireNonNull(observed, "observed");
        if (step < 1) {
            throw new IllegalArgumentException("target step must be >= 1, got " + step);
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("target weight must be finite and >= 0, got " + weight);
        }
    }
}
