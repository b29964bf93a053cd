package dev.nca.runtime.experiment;

import dev.nca.core.model.NcaParameters;

/**
 * Which parameters {@code checkpoints/best.nca} holds: those with the lowest validation error
 * ({@link ValidationRollouts}) or, when the recipe says {@code best_by = "loss"}, those with the
 * lowest training loss of an epoch. Candidates of the other criterion are ignored.
 *
 * <p>With propagated states (Algorithm 2) the training loss of later epochs is measured on the
 * model's own, harder states, so the lowest loss can be the untrained model's; validation rolls
 * the same initial conditions every time and does not have this bias.
 */
final class BestModel {

    private final boolean byValidation;
    private NcaParameters params;
    private int epoch = -1;
    private double score = Double.POSITIVE_INFINITY;
    private double loss = Double.NaN;

    /** @param byValidation whether the criterion is the validation error (else the training loss) */
    BestModel(boolean byValidation) {
        this.byValidation = byValidation;
    }

    /**
     * Offers the training loss of an epoch.
     *
     * @param epoch  the epoch
     * @param loss   its loss (finite)
     * @param before the parameters the loss was measured with (before the epoch's update); copied
     *               only when kept
     */
    void offerLoss(int epoch, double loss, NcaParameters before) {
        if (!byValidation && loss < score) {
            keep(epoch, loss, loss, before);
        }
    }

    /**
     * Offers a validation result.
     *
     * @param epoch  the last epoch whose update {@code params} include
     * @param error  the validation error (+Infinity when the rollout was not finite)
     * @param loss   the training loss of {@code epoch}, for the checkpoint (NaN when unknown)
     * @param params the validated parameters; copied only when kept
     */
    void offerValidation(int epoch, double error, double loss, NcaParameters params) {
        if (byValidation && error < score) {
            keep(epoch, error, loss, params);
        }
    }

    private void keep(int epoch, double score, double loss, NcaParameters params) {
        this.params = params.copy();
        this.epoch = epoch;
        this.score = score;
        this.loss = loss;
    }

    /** The training loss of the best epoch (NaN when unknown). */
    double loss() {
        return loss;
    }

    /** Whether there is a best model yet (a finite candidate was offered). */
    boolean exists() {
        return params != null;
    }

    /** The best parameters; only when {@link #exists()}. */
    NcaParameters params() {
        return params;
    }

    /** The epoch of the best parameters, -1 when none. */
    int epoch() {
        return epoch;
    }

    /** The best validation error or training loss, +Infinity when none. */
    double score() {
        return score;
    }

    /** Whether the criterion is the validation error. */
    boolean byValidation() {
        return byValidation;
    }

    /** "validation error" or "training loss": what {@link #score()} is. */
    String criterion() {
        return byValidation ? "validation error" : "training loss";
    }
}
