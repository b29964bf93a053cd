package dev.nca.core.train;

/**
 * What one training epoch measured.
 *
 * @param epoch         0-based epoch index
 * @param loss          mean per-sample loss over the epoch (before the update)
 * @param batchLosses   mean per-sample loss of each mini-batch
 * @param seconds       wall time of the epoch
 * @param doNothingLoss loss of the identity rule (state never changes) on the same samples; only
 *                      measured at epoch 0, NaN otherwise
 * @param gradientNorm  L2 norm of the raw summed gradient over all tensors
 * @param learningRate  the step size of this epoch's update
 */
public record EpochResult(int epoch, double loss, double[] batchLosses, double seconds, double doNothingLoss,
                          double gradientNorm, double learningRate) {
}
