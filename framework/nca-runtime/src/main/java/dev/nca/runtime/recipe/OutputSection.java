package dev.nca.runtime.recipe;

import java.util.Objects;

/**
 * The recipe's {@code [output]} table. The keys' defaults and allowed values are declared in
 * {@link RecipeSchema}.
 *
 * @param directory       where run directories are created (relative paths are resolved by the
 *                        caller, normally against the working directory)
 * @param checkpointEvery epochs between checkpoints
 * @param snapshotEvery   epochs between snapshot images
 * @param keepLast        whether only the last and best checkpoints are kept; when false, every
 *                        periodic checkpoint is also kept as {@code checkpoints/epoch-NNNNNN.nca}
 * @param validateEvery   epochs between validation rollouts (the last epoch is always validated)
 * @param bestBy          what {@code checkpoints/best.nca} is chosen by: {@link #BY_VALIDATION} or
 *                        {@link #BY_LOSS}
 */
public record OutputSection(String directory, long checkpointEvery, long snapshotEvery, boolean keepLast,
                            long validateEvery, String bestBy) {

    /** best.nca is the model with the lowest validation error (rollouts from held-out initial conditions). */
    public static final String BY_VALIDATION = "validation";

    /** best.nca is the model with the lowest training loss of an epoch. */
    public static final String BY_LOSS = "loss";

    public OutputSection {
        Objects.requireNonNull(directory, "directory");
        if (!BY_VALIDATION.equals(bestBy) && !BY_LOSS.equals(bestBy)) {
            throw new IllegalArgumentException("bestBy must be validation or loss, got " + bestBy);
        }
        if (validateEvery < 1) {
            throw new IllegalArgumentException("validateEvery must be >= 1, got " + validateEvery);
        }
    }

    /** The defaults of the keys added later: validation every checkpoint, best.nca by validation. */
    public OutputSection(String directory, long checkpointEvery, long snapshotEvery, boolean keepLast) {
        this(directory, checkpointEvery, snapshotEvery, keepLast, checkpointEvery, BY_VALIDATION);
    }

    /** Whether best.nca is chosen by validation error (else by training loss). */
    public boolean bestByValidation() {
        return BY_VALIDATION.equals(bestBy);
    }
}
