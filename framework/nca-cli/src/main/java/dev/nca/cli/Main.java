package dev.nca.cli;

import com.google.inject.Module;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/** Entry point of the {@code nca} command (started by {@code bin/nca}). */
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        Logging.routeLibraryLogging();
        int status = commandLine(CliEnvironment.fromSystem()).execute(args);
        System.exit(status);
    }

    /**
     * Builds the command line: commands, global options, error handling and the exit-status
     * conventions of {@link ErrorHandler}. Tests run it in-process with their own environment and
     * output streams ({@link CommandLine#setOut}, {@link CommandLine#setErr}).
     *
     * @param environment environment variables and distribution directory
     * @return a command line ready for {@link CommandLine#execute}
     */
    public static CommandLine commandLine(CliEnvironment environment) {
        return commandLine(environment, List.of());
    }

    /**
     * The command line with Guice modules that override the bindings of every command's injector
     * (e.g. a test binds its own {@code EngineCatalog} or clock).
     *
     * @param environment environment variables and distribution directory
     * @param overrides   modules given to {@code Modules.override(...).with(overrides)}
     * @return a command line ready for {@link CommandLine#execute}
     */
    public static CommandLine commandLine(CliEnvironment environment, List<Module> overrides) {
        NcaCommand root = new NcaCommand(environment, FrameworkVersion.read(), overrides);
        CommandLine commandLine = new CommandLine(root);
        ErrorHandler errors = new ErrorHandler(root.loggingOptions());
        commandLine.setExecutionStrategy(root::execute);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandSummaries());
        return commandLine;
    }
}
