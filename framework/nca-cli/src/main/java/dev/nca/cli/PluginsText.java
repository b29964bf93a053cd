package dev.nca.cli;

import dev.nca.runtime.plugin.PluginInfo;
import dev.nca.runtime.plugin.PluginProblem;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/** Renders a {@link PluginsReport} as text for people. */
final class PluginsText {

    private PluginsText() {
    }

    /**
     * Writes the report: plugin directories, plugins, the extensions of each point (with their
     * parameters when {@code withParameters}) and finally the problems.
     */
    static void print(PluginsReport report, boolean withParameters, PrintWriter out) {
        out.println("nca " + report.framework());
        out.println("Plugin directories: " + (report.pluginDirectories().isEmpty()
                ? "none (class-path extensions only)" : String.join(", ", report.pluginDirectories())));
        out.println();
        printPlugins(report.plugins(), out);
        for (PluginsReport.Point point : report.extensionPoints()) {
            out.println();
            printPoint(point, withParameters, out);
        }
        printProblems(report.problems(), out);
        out.flush();
    }

    private static void printPlugins(List<PluginInfo> plugins, PrintWriter out) {
        out.println("Plugins (" + plugins.size() + ")" + (plugins.isEmpty() ? ": none" : ""));
        if (plugins.isEmpty()) {
            return;
        }
        TextTable table = new TextTable("  ", "ID", "VERSION", "PROVIDER", "STATE");
        for (PluginInfo plugin : plugins) {
            table.row(plugin.id(), plugin.version(), plugin.provider(), plugin.state());
        }
        table.print(out);
    }

    private static void printPoint(PluginsReport.Point point, boolean withParameters, PrintWriter out) {
        out.println(point.point() + " (" + point.extensions().size() + ")"
                + (point.extensions().isEmpty() ? ": none" : ""));
        if (withParameters) {
            for (PluginsReport.Extension extension : point.extensions()) {
                out.println("  " + extension.name() + "  [" + extension.plugin() + " " + extension.pluginVersion()
                        + "]  " + extension.description());
                printParameters(extension.parameters(), out);
            }
        } else if (!point.extensions().isEmpty()) {
            TextTable table = new TextTable("  ", "NAME", "PLUGIN", "DESCRIPTION");
            for (PluginsReport.Extension extension : point.extensions()) {
                table.row(extension.name(), extension.plugin() + " " + extension.pluginVersion(),
                        extension.description());
            }
            table.print(out);
        }
        if (!point.conflicting().isEmpty()) {
            out.println("  unusable (claimed by several plugins, see problems): "
                    + String.join(", ", point.conflicting()));
        }
    }

    private static void printParameters(List<PluginsReport.Parameter> parameters, PrintWriter out) {
        if (parameters.isEmpty()) {
            out.println("      (no parameters)");
            return;
        }
        TextTable table = new TextTable("      ", "PARAMETER", "TYPE", "DEFAULT", "ALLOWED", "DESCRIPTION");
        for (PluginsReport.Parameter p : parameters) {
            table.row(p.name(), p.type(), p.required() ? "(required)" : format(p.defaultValue()), p.allowed(),
                    p.description());
        }
        table.print(out);
    }

    /** A default value as a recipe would write it. */
    static String format(Object value) {
        if (value instanceof double[] numbers) {
            return Arrays.toString(numbers);
        }
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PluginsText::format).toList().toString();
        }
        return String.valueOf(value);
    }

    private static void printProblems(List<PluginProblem> problems, PrintWriter out) {
        out.println();
        out.println("Problems (" + problems.size() + ")" + (problems.isEmpty() ? ": none" : ""));
        for (PluginProblem problem : problems) {
            out.println("  " + problem.subject() + ": " + problem.reason());
        }
    }
}
