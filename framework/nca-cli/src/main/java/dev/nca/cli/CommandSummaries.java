package dev.nca.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The command list of {@code nca --help}: one line per command, its summary, so that the list
 * stays short however long each command's own description is (that stays in the command's help).
 * The summary is the command's {@code header} (whole) if it has one, otherwise the first clause of its
 * description: the text up to the first ". ", ": ", "; " or " (". Works for any command added to
 * {@link NcaCommand}, without a list to keep in step.
 */
final class CommandSummaries implements IHelpSectionRenderer {

    /** Summaries longer than this are cut with "...". */
    static final int MAX_SUMMARY = 66;

    @Override
    public String render(Help help) {
        Map<String, Help> commands = help.subcommands();
        if (commands.isEmpty()) {
            return "";
        }
        int width = 0;
        for (Map.Entry<String, Help> e : commands.entrySet()) {
            if (!e.getValue().commandSpec().usageMessage().hidden()) {
                width = Math.max(width, e.getKey().length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Help> e : commands.entrySet()) {
            CommandSpec command = e.getValue().commandSpec();
            if (command.usageMessage().hidden()) {
                continue;
            }
            String name = e.getKey();
            out.append("  ").append(name).append(" ".repeat(width - name.length() + 2))
                    .append(summary(command.usageMessage())).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** The one-line summary of a command (see the class documentation). */
    static String summary(UsageMessageSpec usage) {
        if (usage.header().length > 0) {
            return cut(usage.header()[0].strip());
        }
        String text = usage.description().length > 0 ? usage.description()[0].strip() : "";
        int end = text.length();
        for (String stop : List.of(". ", ": ", "; ", " (")) {
            int at = text.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        text = text.substring(0, end);
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return cut(text);
    }

    private static String cut(String text) {
        return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 3).stripTrailing() + "...";
    }
}
