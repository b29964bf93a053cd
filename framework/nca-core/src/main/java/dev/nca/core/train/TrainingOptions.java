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
 * @param tapeMemory   bytes one worker's back-propagation tape may hold; longer rollouts are
 *                     checkpointed ({@link dev.nca.core.engine.CheckpointingEngine}); 0 = unlimited
 */
public record TrainingOptions(LearningRateSchedule learningRate, double beta1, double beta2, double epsilon, boolean normalise,
                              int block, int threads, long tapeMemory) {

    public TrainingOptions {
        if (learningRate == null || block < 1 || threads < 0 || tapeMemory < 0) {
            throw new IllegalArgumentException("need a learning rate, block >= 1, threads >= 0 and tapeMemory >= 0");
        }
    }

    /** Options without a tape memory budget. */
    public TrainingOptions(LearningRateSchedule learningRate, double beta1, double beta2, double epsilon,
                           boolean normalise, int block, int threads) {
        this(learningRate, beta1, beta2, epsilon, normalise, block, threads, 0L);
    }

    /** The paper's settings: lr 1e-3, betas 0.9/0.999, normalised gradients, blocks of 4, all cores. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(LearningRateSchedule.constant(1e-3), 0.9, 0.999, 1e-7, true, 4, 0);
    }
}
