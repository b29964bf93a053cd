package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.NcaException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ErrorHandlingTest {

    /** A command that throws what it is given, added to the command line as {@code fail}. */
    @Command(name = "fail")
    static final class FailingCommand extends NcaSubcommand {
        private final Supplier<Exception> failure;

        FailingCommand(Supplier<Exception> failure) {
            this.failure = failure;
        }

        @Override
        protected int run() throws Exception {
            out().print("partial result");
            throw failure.get();
        }
    }

    private static CliRun runFailing(Supplier<Exception> failure, String... args) {
        CommandLine commandLine = Main.commandLine(CliEnvironment.empty());
        commandLine.addSubcommand(new FailingCommand(failure));
        return CliRun.run(commandLine, args);
    }

    @Test
    void userErrorPrintsMessageOnlyAndExitsWithTwo() {
        CliRun run = runFailing(() -> new NcaException("recipe.toml [model] channels: -3 is not allowed"), "fail");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("nca: recipe.toml [model] channels: -3 is not allowed"
                + System.lineSeparator());
    }

    @Test
    void runWithoutResultExitsWithThree() {
        CliRun run = runFailing(() -> new dev.nca.runtime.experiment.RunWithoutResultException(
                "training diverged at epoch 4", new ArithmeticException("NaN")), "fail");

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("nca: training diverged at epoch 4" + System.lineSeparator());
    }

    @Test
    void internalErrorPointsToVerboseAndExitsWithOne() {
        CliRun run = runFailing(() -> new IllegalStateException("buffer shape mismatch"), "fail");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("nca: internal error: buffer shape mismatch (run with -v for the stack trace)"
                + System.lineSeparator());
    }

    @Test
    void internalErrorWithoutMessageNamesItsType() {
        CliRun run = runFailing(NullPointerException::new, "fail");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("nca: internal error: java.lang.NullPointerException (run with -v");
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = runFailing(() -> new IllegalStateException("buffer shape mismatch"), "fail", "-v");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("nca: internal error: buffer shape mismatch" + System.lineSeparator())
                .contains("java.lang.IllegalStateException: buffer shape mismatch")
                .contains("at dev.nca.cli.ErrorHandlingTest");
    }

    @Test
    void resultsAlreadyWrittenStayOnStandardOutput() {
        CliRun run = runFailing(() -> new NcaException("stop"), "fail");

        assertThat(run.out()).isEqualTo("partial result");
        assertThat(run.err()).doesNotContain("partial result");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.run(CliEnvironment.empty(), "plugins", "--jsn");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("nca: Unknown option: '--jsn'")
                .contains("Run 'nca plugins --help' for usage.")
                .doesNotContain("\tat ");
    }

    @Test
    void misspelledCommandGetsASuggestion() {
        CliRun run = CliRun.run(CliEnvironment.empty(), "plugin");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("nca: Unmatched argument at index 0: 'plugin'").contains("plugins");
    }

    @Test
    void noCommandIsAUsageErrorListingTheCommands() {
        CliRun run = CliRun.run(CliEnvironment.empty());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("nca: no command given; the commands are: help, ")
                .containsPattern("the commands are: [a-z, ]*plugins, [a-z, ]*version");
    }

    @Test
    void verboseAndQuietExcludeEachOther() {
        CliRun run = CliRun.run(CliEnvironment.empty(), "-q", "plugins", "-v");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("nca: --verbose and --quiet cannot be used together");
    }

    @Test
    void helpOfACommandGoesToStandardOutput() {
        CliRun run = CliRun.run(CliEnvironment.empty(), "plugins", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: nca plugins").contains("--params").contains("--json")
                .contains("--plugins=DIR").contains("--verbose");
        assertThat(run.err()).isEmpty();
    }
}
