package dev.nca.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nca sweep}: the parent of the sweep commands; without a subcommand it is a usage error. */
@Command(name = "sweep", synopsisSubcommandLabel = "COMMAND",
        description = {"Run a study of many models described by one sweep file (axes over recipe keys, seeds,"
                + " evaluation), on this machine or as a Slurm job array, and tabulate and plot the results."},
        subcommands = {SweepRunCommand.class, SweepSubmitCommand.class, SweepStatusCommand.class,
            SweepReportCommand.class, SweepPointCommand.class})
final class SweepCommand extends NcaSubcommand {

    @Override
    protected int run() {
        throw new CommandLine.ParameterException(spec().commandLine(), "no sweep command given; the commands are: "
                + String.join(", ", spec().subcommands().keySet()));
    }
}
