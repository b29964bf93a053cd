package dev.nca.runtime.experiment;

import dev.nca.core.train.EpochResult;

/**
 * What a training run tells about its progress, epoch by epoch; made for each run by the bound
 * {@link Factory} ({@link ProgressReporter} on standard error by default).
 */
public interface TrainingProgress {

    /** Reports a finished epoch; epochs are numbered as in the whole run (a resumed run counts on). */
    void update(EpochResult result);

    /** The run stops early (diverged, interrupted): e.g. end a progress bar's line. */
    void interrupt();

    /** Makes the progress of one run. */
    @FunctionalInterface
    interface Factory {

        /**
         * @param first the 0-based epoch the run starts at (0, or the epoch after a resumed checkpoint's)
         * @param total the epoch count the run ends at, > first
         * @param bar   whether a progress bar is wanted (standard error is a terminal, no {@code -q})
         */
        TrainingProgress start(long first, long total, boolean bar);
    }
}
