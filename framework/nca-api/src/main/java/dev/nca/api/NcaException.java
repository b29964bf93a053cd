package dev.nca.api;

/**
 * An error whose message is meant for the user: it says what is wrong and, where it can, what
 * is allowed. The command line prints the message without a stack trace.
 */
public class NcaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NcaException(String message) {
        super(message);
    }

    public NcaException(String message, Throwable cause) {
        super(message, cause);
    }
}
