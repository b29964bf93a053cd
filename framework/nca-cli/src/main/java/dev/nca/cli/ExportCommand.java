package dev.nca.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nca export}: the parent of the model export commands; without a subcommand it is a usage error. */
@Command(name = "export", synopsisSubcommandLabel = "COMMAND",
        description = {"Export a trained NCA for use outside nca: a web page that runs it live, or one step as ONNX."},
        subcommands = {ExportWebCommand.class, ExportOnnxCommand.class})
final class ExportCommand extends NcaSubcommand {

    @Override
    protected int run() {
        throw new CommandLine.ParameterException(spec().commandLine(), "no export command given; the commands are: "
                + String.join(", ", spec().subcommands().keySet()));
    }
}
