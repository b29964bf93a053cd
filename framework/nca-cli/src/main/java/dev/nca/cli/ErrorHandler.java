package dev.nca.cli;

import com.google.inject.ProvisionException;
import dev.nca.api.NcaException;
import dev.nca.runtime.experiment.RunWithoutResultException;
import java.io.PrintWriter;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on standard error and an exit status:
 * <ul>
 *   <li>invalid arguments and {@link NcaException} (the user can fix it):
 *       {@code nca: <message>}, status {@value #USER_ERROR};</li>
 *   <li>a run that started but ended without a usable result ({@link RunWithoutResultException}:
 *       diverged, interrupted): {@code nca: <message>}, status {@value #NO_RESULT};</li>
 *   <li>anything else (a bug): {@code nca: internal error: <message>}, status
 *       {@value #INTERNAL_ERROR}.</li>
 * </ul>
 * Stack traces are printed only with {@code -v}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** Exit status for invalid input: bad arguments, recipes, data or plugin directories. */
    static final int USER_ERROR = 2;
    /** Exit status for unexpected failures. */
    static final int INTERNAL_ERROR = 1;
    /** Exit status for a run that ended without a usable result (diverged, interrupted). */
    static final int NO_RESULT = 3;

    private final LoggingOptions logging;

    ErrorHandler(LoggingOptions logging) {
        this.logging = Objects.requireNonNull(logging, "logging");
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("nca: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return USER_ERROR;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        NcaException userError = userError(ex);
        int status;
        if (userError != null) {
            err.println("nca: " + userError.getMessage());
            status = userError instanceof RunWithoutResultException ? NO_RESULT : USER_ERROR;
        } else {
            err.println("nca: internal error: " + message(ex)
                    + (logging.verbose() ? "" : " (run with -v for the stack trace)"));
            status = INTERNAL_ERROR;
        }
        if (logging.verbose()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    /** The {@link NcaException} behind {@code ex}, looking through Guice's provisioning wrapper. */
    private static NcaException userError(Throwable ex) {
        if (ex instanceof NcaException user) {
            return user;
        }
        if (ex instanceof ProvisionException && ex.getCause() instanceof NcaException user) {
            return user;
        }
        return null;
    }

    private static String message(Throwable ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getName() : message;
    }
}
