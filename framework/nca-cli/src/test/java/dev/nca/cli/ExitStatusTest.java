package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real {@code nca train} runs end with distinct exit statuses: 0 for a finished run, 2 for an
 * invalid recipe, 3 for a run that diverged (it started, but gave no usable result).
 */
class ExitStatusTest extends EvalPluginCommandTest {

    private Path recipe() throws IOException {
        return Files.writeString(temp.resolve("ramp.toml"), EvalTestPlugin.RECIPE);
    }

    @Test
    void finishedRunExitsWithZero() throws IOException {
        CliRun run = nca("train", recipe().toString(), "--output", temp.resolve("runs").toString());

        assertThat(run.status()).as(run.err()).isZero();
    }

    @Test
    void invalidRecipeExitsWithTwo() throws IOException {
        CliRun run = nca("train", recipe().toString(), "--set", "model.channels=-3", "--output",
                temp.resolve("runs").toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(temp.resolve("runs")).doesNotExist();
    }

    @Test
    void divergedRunExitsWithThreeAndKeepsItsRunFolder() throws IOException {
        Path runs = temp.resolve("runs");
        CliRun run = nca("train", recipe().toString(), "--set", "training.epochs=60", "--set",
                "training.learning_rate=1e30", "--output", runs.toString());

        assertThat(run.status()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("diverged at epoch").contains("Run folder: " + runs);
        Path folder;
        try (Stream<Path> folders = Files.list(runs)) {
            folder = folders.findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(folder.resolve("metrics.jsonl"));
        JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(last.has("diverged")).as(last.toString()).isTrue();
    }
}
