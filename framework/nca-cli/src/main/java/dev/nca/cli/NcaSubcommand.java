package dev.nca.cli;

import com.google.inject.Module;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base class of every {@code nca} command: {@code --help}, access to the output streams, the
 * global options and the plugin host.
 *
 * <p>A command implements {@link #run()}, writes results (tables, JSON) to {@link #out()} and
 * nothing else there, logs through SLF4J (which goes to standard error), and throws
 * {@link dev.nca.api.NcaException} for anything the user must fix: the command line prints its
 * message as {@code nca: <message>} and exits with status 2 (status 3 for a
 * {@link dev.nca.runtime.experiment.RunWithoutResultException}: a run that diverged or was
 * interrupted). Any other exception is reported as an internal error (status 1).
 */
@Command(mixinStandardHelpOptions = true)
public abstract class NcaSubcommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /**
     * Runs the command.
     *
     * @return the exit status, normally {@code 0}
     * @throws Exception reported as described in the class documentation
     */
    protected abstract int run() throws Exception;

    @Override
    public final Integer call() throws Exception {
        return run();
    }

    /** Standard output: results only. */
    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error: messages for the user (logs go through SLF4J). */
    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** This command's picocli model (name, options, parent). */
    protected final CommandSpec spec() {
        return spec;
    }

    /** The top-level command, holding the global options. */
    protected final NcaCommand root() {
        return NcaCommand.of(spec);
    }

    /**
     * Starts the plugin host for the directories of {@code --plugins}, {@code NCA_PLUGINS} and the
     * distribution; use it in try-with-resources.
     *
     * @param modules further Guice modules for this command
     * @return the open session
     */
    protected final HostSession openHost(Module... modules) {
        return root().hostOptions().open(modules);
    }
}
