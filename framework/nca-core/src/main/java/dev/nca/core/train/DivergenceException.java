package dev.nca.core.train;

import dev.nca.api.NcaException;

/**
 * Training produced a non-finite loss or gradient. The message says what and suggests remedies; the
 * caller says which checkpoints it kept.
 */
public class DivergenceException extends NcaException {
    private static final long serialVersionUID = 1L;

    private final int epoch;

    public DivergenceException(int epoch, String what) {
        super("training diverged at epoch " + epoch + ": " + what
                + ". Try a smaller learning_rate, a larger frame_spacing or fewer channels.");
        this.epoch = epoch;
    }

    /** The epoch at which the non-finite value appeared. */
    public int epoch() {
        return epoch;
    }
}
