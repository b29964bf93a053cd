package dev.nca.core.train;

/**
 * Optimiser and batching settings of a training run.
 *
 * @param learningRate Nadam step size per epoch
 * @param beta1        first-moment decay
 * @param beta2        second-moment decay
 * @param epsilon      Nadam denominator guard
 * @param normalise    per-tensor gradient normalisation before the update
 * @param block        samples rolled out together (bounds tape memory)
 * @param threads      worker threads rolling blocks in parallel; 0 = one per available core
 */
public record TrainingOptions(LearningRateSchedule learningRate, double beta1, double beta2, double epsilon, boolean normalise,
                              int block, int threads) {

    public TrainingOptions {
        if (learningRate == null || block < 1 || threads < 0) {
            throw new IllegalArgumentException("need a learning rate, block >= 1 and threads >= 0");
        }
    }

    /** The paper's settings: lr 1e-3, betas 0.9/0.999, normalised gradients, blocks of 4, all cores. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(LearningRateSchedule.constant(1e-3), 0.9, 0.999, 1e-7, true, 4, 0);
    }
}
