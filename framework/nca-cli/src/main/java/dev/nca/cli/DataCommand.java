package dev.nca.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nca data}: the parent of the dataset commands; without a subcommand it is a usage error. */
@Command(name = "data", synopsisSubcommandLabel = "COMMAND",
        description = {"Work with the datasets that recipes name."},
        subcommands = {DataExportCommand.class})
final class DataCommand extends NcaSubcommand {

    @Override
    protected int run() {
        throw new CommandLine.ParameterException(spec().commandLine(), "no data command given; the commands are: "
                + String.join(", ", spec().subcommands().keySet()));
    }
}
