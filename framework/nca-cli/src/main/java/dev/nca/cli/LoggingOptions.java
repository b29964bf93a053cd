package dev.nca.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code -v/--verbose} and {@code -q/--quiet} options, accepted before or after the command
 * name. Mixed into {@link NcaCommand} only; subcommands inherit them.
 *
 * <p>The options are setter methods that only ever switch a flag on: picocli re-applies an
 * inherited option's initial value when it starts parsing a subcommand, which would otherwise
 * forget a {@code -v} given before the command name.
 */
public final class LoggingOptions {

    private boolean verbose;
    private boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log at DEBUG and print stack traces of errors.")
    void verbose(boolean on) {
        verbose |= on;
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Log only warnings and errors.")
    void quiet(boolean on) {
        quiet |= on;
    }

    /** Whether {@code -q} was given (no progress bar then, only warnings and errors). */
    public boolean quiet() {
        return quiet;
    }

    /** Whether {@code -v} was given (stack traces are printed for errors then). */
    public boolean verbose() {
        return verbose;
    }

    /**
     * The chosen verbosity.
     *
     * @param commandLine the command line, for the error
     * @throws CommandLine.ParameterException when both {@code -v} and {@code -q} were given
     */
    Verbosity verbosity(CommandLine commandLine) {
        if (verbose && quiet) {
            throw new CommandLine.ParameterException(commandLine,
                    "--verbose and --quiet cannot be used together; give at most one of them");
        }
        return verbose ? Verbosity.VERBOSE : quiet ? Verbosity.QUIET : Verbosity.NORMAL;
    }
}
