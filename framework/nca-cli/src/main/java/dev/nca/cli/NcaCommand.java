package dev.nca.cli;

import com.google.inject.Module;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code nca} command: global options and the list of subcommands.
 *
 * <p>To add a command, write a {@link NcaSubcommand} and add its class to {@code subcommands}
 * below (see the package documentation).
 */
@Command(name = "nca",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Neural cellular automata that learn local rules from spatio-temporal data.",
        footer = {"", "Results go to standard output, logs to standard error.",
                "Exit status: 0 success, 1 internal error, 2 invalid input (the message says",
                "what to fix), 3 a run ended without a usable result (diverged, interrupted)."},
        subcommands = {
            HelpCommand.class,
            AnalyseCommand.class,
            BenchCommand.class,
            CheckCommand.class,
            ClustersCommand.class,
            CompletionCommand.class,
            DataCommand.class,
            EvaluateCommand.class,
            ExportCommand.class,
            PluginsCommand.class,
            RunsCommand.class,
            SimulateCommand.class,
            SweepCommand.class,
            TrainCommand.class,
            VersionCommand.class,
        })
public final class NcaCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    // pre-initialised mixins: picocli uses these instances instead of creating its own
    @Mixin
    private LoggingOptions logging = new LoggingOptions();

    @Mixin
    private HostOptions host;

    private final String frameworkVersion;
    private final CliEnvironment environment;

    NcaCommand(CliEnvironment environment, String frameworkVersion, List<Module> overrides) {
        this.frameworkVersion = Objects.requireNonNull(frameworkVersion, "frameworkVersion");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.host = new HostOptions(environment, frameworkVersion, overrides);
    }

    /** The root command of the command line that {@code spec} belongs to, at any depth. */
    static NcaCommand of(CommandSpec spec) {
        return (NcaCommand) spec.root().userObject();
    }

    /** {@code nca} without a command is a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given; the commands are: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * The execution strategy: rejects unmatched arguments, applies {@code -v}/{@code -q} to
     * logging, then runs the last command given.
     */
    int execute(ParseResult parseResult) {
        // with --help picocli tolerates arguments it could not match (e.g. a misspelled command):
        // report them instead of printing some help with status 0
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (!p.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
            }
        }
        Logging.apply(logging.verbosity(spec.commandLine()));
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** The {@code --plugins} directories and the means to start the plugin host. */
    public HostOptions hostOptions() {
        return host;
    }

    /** The {@code -v}/{@code -q} options. */
    public LoggingOptions loggingOptions() {
        return logging;
    }

    /** What the command line reads from outside its arguments (environment, distribution, terminal). */
    public CliEnvironment environment() {
        return environment;
    }

    /** The nca version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public String frameworkVersion() {
        return frameworkVersion;
    }
}
