package dev.nca.runtime.experiment;

import dev.nca.api.NcaException;

/**
 * A training run that started correctly but ended without a usable result: it diverged (a NaN or
 * infinite loss, gradient or parameter) or was interrupted. The run folder keeps what was done
 * (metrics, the loss plot and, if it has one, its best checkpoint). The command line exits with its own
 * status for it, distinct from invalid input, so that scripts and sweeps can tell the two apart.
 */
public final class RunWithoutResultException extends NcaException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, naming the epoch and the run folder
     * @param cause   the divergence or interruption
     */
    public RunWithoutResultException(String message, Throwable cause) {
        super(message, cause);
    }
}
