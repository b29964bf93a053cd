package dev.nca.runtime.recipe;

import dev.nca.core.train.LearningRateSchedule;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The recipe's {@code [training]} table. The keys' defaults and allowed values are declared in
 * {@link RecipeSchema}.
 *
 * @param schedule              the name of the {@link dev.nca.api.TrainingSchedule} extension
 * @param scheduleParams        the raw {@code [training.schedule_params]} table (immutable)
 * @param frameSpacing          t, NCA steps between data frames, or empty to use the
 *                              dataset's hint
 * @param epochs                number of epochs
 * @param minibatch             samples per optimiser step
 * @param loss                  the name of the {@link dev.nca.api.LossFunction} extension
 * @param lossParams            the raw {@code [training.loss_params]} table (immutable)
 * @param learningRate          Nadam learning rate at epoch 0
 * @param learningRateDecay     how the rate changes over the epochs (constant by default)
 * @param finalLearningRate     the rate at the last epoch; equals learningRate when constant
 * @param beta1                 Nadam first-moment decay
 * @param beta2                 Nadam second-moment decay
 * @param epsilon               Nadam denominator offset
 * @param gradientNormalisation whether each parameter tensor's gradient is scaled to unit norm
 * @param block                 samples rolled out together in one block (memory/speed knob)
 * @param threads               worker threads, 0 = all cores
 * @param engine                the compute engine's name, or {@value #AUTO_ENGINE} for the host's default
 * @param tapeMemory            bytes the back-propagation tape of one worker may hold before rollouts
 *                              are checkpointed ({@code tape_memory}, see {@link MemorySize}); 0 = unlimited
 */
public record TrainingSection(String schedule, Map<String, Object> scheduleParams, OptionalInt frameSpacing,
                              long epochs, int minibatch, String loss, Map<String, Object> lossParams,
                              double learningRate, LearningRateSchedule.Kind learningRateDecay,
                              double finalLearningRate, double beta1, double beta2, double epsilon,
                              boolean gradientNormalisation, int block, int threads, String engine,
                              long tapeMemory) {

    /** The {@code engine} value that leaves the choice to the host (its default engine). */
    public static final String AUTO_ENGINE = dev.nca.core.engine.EngineCatalog.AUTO;

    /** Settings without a tape memory budget. */
    public TrainingSection(String schedule, Map<String, Object> scheduleParams, OptionalInt frameSpacing,
                           long epochs, int minibatch, String loss, Map<String, Object> lossParams,
                           double learningRate, LearningRateSchedule.Kind learningRateDecay,
                           double finalLearningRate, double beta1, double beta2, double epsilon,
                           boolean gradientNormalisation, int block, int threads, String engine) {
        this(schedule, scheduleParams, frameSpacing, epochs, minibatch, loss, lossParams, learningRate,
                learningRateDecay, finalLearningRate, beta1, beta2, epsilon, gradientNormalisation, block, threads,
                engine, 0L);
    }

    public TrainingSection {
        Objects.requireNonNull(engine, "engine");
        if (tapeMemory < 0) {
            throw new IllegalArgumentException("tapeMemory must be >= 0, got " + tapeMemory);
        }
        Objects.requireNonNull(schedule, "schedule");
        scheduleParams = RawValues.immutable(scheduleParams);
        Objects.requireNonNull(frameSpacing, "frameSpacing");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(learningRateDecay, "learningRateDecay");
        lossParams = RawValues.immutable(lossParams);
    }

    /** The learning rate per epoch that these settings describe. */
    public LearningRateSchedule learningRateSchedule() {
        return learningRateDecay == LearningRateSchedule.Kind.CONSTANT ? LearningRateSchedule.constant(learningRate)
                : new LearningRateSchedule(learningRateDecay, learningRate, finalLearningRate,
                        Math.toIntExact(epochs));
    }
}
