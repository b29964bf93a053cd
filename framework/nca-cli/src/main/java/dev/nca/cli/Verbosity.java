package dev.nca.cli;

/** How much the framework ({@code dev.nca} loggers) logs on standard error. */
public enum Verbosity {
    /** {@code -q}: warnings and errors only. */
    QUIET,
    /** The default: progress at INFO. */
    NORMAL,
    /** {@code -v}: DEBUG, and stack traces of errors. */
    VERBOSE
}
