package dev.nca.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the {@code nca} command line in-process and captures what it writes.
 *
 * @param status the exit status
 * @param out    standard output
 * @param err    standard error as written by the command line (logs go to the real stderr)
 */
record CliRun(int status, String out, String err) {

    /** Runs {@code args} with the given environment. */
    static CliRun run(CliEnvironment environment, String... args) {
        return run(Main.commandLine(environment), args);
    }

    /** Runs {@code args} on a prepared command line (e.g. with extra test subcommands). */
    static CliRun run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // set after any extra subcommands were added, so that they write here as well
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
