package dev.nca.runtime.recipe;

import java.util.Objects;

/**
 * The recipe's {@code [output]} table.
 *
 * @param directory       where run directories are created (relative paths are resolved by the
 *                        caller, normally against the working directory)
 * @param checkpointEvery epochs between checkpoints, >= 1
 * @param snapshotEvery   epochs between snapshot images, >= 1
 * @param keepLast        whether only the last and best checkpoints are kept; when false, every
 *                        periodic checkpoint is also kept as {@code checkpoints/epoch-NNNNNN.nca}
 */
public record OutputSection(String directory, long checkpointEvery, long snapshotEvery, boolean keepLast) {

    public OutputSection {
        Objects.requireNonNull(directory, "directory");
    }
}
