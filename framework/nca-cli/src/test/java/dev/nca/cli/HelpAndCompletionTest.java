package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nca --help} lists one-line summaries; misspelled commands with --help fail; bash completion. */
class HelpAndCompletionTest {

    @TempDir
    Path temp;

    /** A command added the way other commands are, with a long description and no header. */
    @Command(name = "wordy", description = {"Do a thing with many words: and then keep talking about it for a long"
            + " time, so that the paragraph would fill several lines of the command list."})
    static final class WordyCommand extends NcaSubcommand {
        @Override
        protected int run() {
            return 0;
        }
    }

    @Test
    void rootHelpListsEveryCommandOnOneLine() {
        CommandLine commandLine = Main.commandLine(CliEnvironment.empty());
        commandLine.addSubcommand(new WordyCommand());
        CliRun run = CliRun.run(commandLine, "--help");

        assertThat(run.status()).isZero();
        List<String> lines = run.out().lines().toList();
        int start = lines.indexOf("Commands:");
        assertThat(start).isPositive();
        List<String> list = lines.subList(start + 1, lines.indexOf(""));
        // one line per command, each registered command exactly once
        assertThat(list).hasSize(commandLine.getSubcommands().size());
        for (String name : commandLine.getSubcommands().keySet()) {
            assertThat(list).filteredOn(l -> l.strip().startsWith(name + " ")).hasSize(1);
        }
        assertThat(list).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(list).anySatisfy(l -> assertThat(l).matches("  train +Train an NCA from a TOML recipe"));
        assertThat(list).anySatisfy(l -> assertThat(l).matches("  wordy +Do a thing with many words"));
        // the details stay in the command's own help
        assertThat(run.out()).doesNotContain("Results go to a new run folder");
        assertThat(CliRun.run(CliEnvironment.empty(), "train", "--help").out())
                .contains("Results go to a new run folder");
    }

    @Test
    void summaryIsTheHeaderOrTheFirstClauseCutToLength() {
        CommandLine.Model.UsageMessageSpec usage = new CommandLine.Model.UsageMessageSpec();
        usage.description("Time epochs (default: 64). More.");
        assertThat(CommandSummaries.summary(usage)).isEqualTo("Time epochs");
        usage.description("Print the version.");
        assertThat(CommandSummaries.summary(usage)).isEqualTo("Print the version");
        usage.description("x".repeat(100));
        assertThat(CommandSummaries.summary(usage)).hasSize(CommandSummaries.MAX_SUMMARY).endsWith("...");
        usage.header("Short header: kept whole (not cut at the colon)");
        assertThat(CommandSummaries.summary(usage)).isEqualTo("Short header: kept whole (not cut at the colon)");
    }

    @Test
    void unknownCommandWithHelpFailsWithASuggestion() {
        CliRun misspelled = CliRun.run(CliEnvironment.empty(), "trian", "--help");
        CliRun unknown = CliRun.run(CliEnvironment.empty(), "frobnicate", "--help");

        assertThat(misspelled.status()).isEqualTo(2);
        assertThat(misspelled.err()).contains("Unmatched argument").contains("trian").contains("Did you mean")
                .contains("train");
        assertThat(misspelled.out()).isEmpty();
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("frobnicate");
    }

    /** The generated script, sourced by a real bash, completes command names and a command's options. */
    @Test
    void completionScriptCompletesCommandsAndOptionsInBash() throws IOException, InterruptedException {
        Path bash = Path.of("/bin/bash");
        Assumptions.assumeTrue(Files.isExecutable(bash), "no /bin/bash: the completion script is not exercised");
        CliRun run = CliRun.run(CliEnvironment.empty(), "completion");
        assertThat(run.status()).isZero();
        Path script = Files.writeString(temp.resolve("nca-completion.bash"), run.out());

        String commands = complete(bash, script, "nca ru");
        String options = complete(bash, script, "nca train --re");

        assertThat(commands.lines()).containsExactly("runs");
        assertThat(options.lines()).contains("--resume");
    }

    /** What bash completion offers for {@code line} (completing its last word). */
    private String complete(Path bash, Path script, String line) throws IOException, InterruptedException {
        String[] words = line.split(" ");
        String program = String.join("\n",
                "source " + script,
                "COMP_WORDS=(" + line + ")",
                "COMP_CWORD=" + (words.length - 1),
                "COMP_LINE='" + line + "'",
                "COMP_POINT=" + line.length(),
                "_complete_nca nca '" + words[words.length - 1] + "' '" + words[words.length - 2] + "'",
                "printf '%s\\n' \"${COMPREPLY[@]}\"");
        // stderr: bash notes that compopt runs outside real completion, which is expected here
        Process p = new ProcessBuilder(bash.toString(), "-c", program)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
