package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nca plugins}: the loaded plugins, the extensions of every extension point and the
 * problems met while loading. Does not load the ND4J backend, so it stays fast.
 */
@Command(name = "plugins",
        header = "List the loaded plugins and the extension names recipes can use",
        description = {"List the loaded plugins, the extensions each extension point offers (the names"
                + " recipes use) and any plugin that failed to load, with the reason."})
final class PluginsCommand extends NcaSubcommand {

    @Option(names = "--params", description = "Also list each extension's recipe parameters"
            + " (type, default, allowed values).")
    private boolean parameters;

    @Option(names = "--json", description = "Print one JSON document instead of text (parameters included).")
    private boolean json;

    @Override
    protected int run() throws Exception {
        PluginsReport report;
        try (HostSession session = openHost()) {
            report = PluginsReport.of(root().frameworkVersion(), session.host().config().roots(),
                    session.extensions());
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out().println(mapper.writeValueAsString(report));
            out().flush();
        } else {
            PluginsText.print(report, parameters, out());
        }
        return 0;
    }
}
