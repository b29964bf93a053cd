package dev.nca.cli;

import picocli.CommandLine.Command;

/** {@code nca version}: the same report as {@code nca --version}. */
@Command(name = "version",
        header = "Print the nca, ND4J backend, Java and OS versions",
        description = "Print the nca version, the ND4J backend in use, the Java version and the OS.")
final class VersionCommand extends NcaSubcommand {

    @Override
    protected int run() {
        for (String line : VersionInfo.lines(root().frameworkVersion())) {
            out().println(line);
        }
        out().flush();
        return 0;
    }
}
