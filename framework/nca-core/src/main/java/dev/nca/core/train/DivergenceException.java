package dev.nca.core.train;

import dev.nca.api.NcaException;

/** Training produced a non-finite loss or gradient; the run stops and keeps its last good checkpoint. */
public class DivergenceException extends NcaException {
    private static final long serialVersionUID = 1L;

    private final int epoch;

    public DivergenceException(int epoch, String what) {
        super("training diverged at epoch " + epoch + ": " + what
                + ". Try a smaller learning_rate, a larger frame_spacing or fewer channels; the best checkpoint so far is kept.");
        this.epoch = epoch;
    }

    /** The epoch at which the non-finite value appeared. */
    public int epoch() {
        return epoch;
    }
}
