package dev.nca.runtime.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.runtime.experiment.ExperimentPlan;
import dev.nca.runtime.experiment.RunWithoutResultException;
import dev.nca.runtime.experiment.TrainingConsole;
import dev.nca.runtime.experiment.TrainingRun;
import dev.nca.runtime.plugin.Extensions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run interrupted on its own thread ends without a result, recording why in its run folder. */
class TrainingWithoutResultTest {

    @TempDir
    Path temp;

    private final Extensions extensions = TestExtensions.extensions();

    @Test
    void interruptedRunThrowsRunWithoutResultAndRecordsTheInterruption() throws IOException {
        ExperimentPlan plan = ExperimentPlan.resolve(dev.nca.runtime.recipe.RecipeLoader.parse(TestExtensions.RECIPE,
                "test.toml", Map.of("training.epochs", "5")), extensions, TestExtensions.engines());
        AtomicReference<Path> folder = new AtomicReference<>();
        // the console hook runs on the training thread just before the first epoch: interrupt it there
        TrainingConsole console = new TrainingConsole(false, dir -> {
            folder.set(dir);
            Thread.currentThread().interrupt();
        });
        TrainingRun run = TestExtensions.runs(extensions).create(plan, Map.of(), temp, null, console);

        assertThatThrownBy(run::run).isInstanceOf(RunWithoutResultException.class)
                .hasMessageContaining("training was interrupted during epoch 0")
                .hasMessageContaining("Run folder: " + folder.get());
        // the run leaves the thread interrupted, as it found it (this also clears the flag for other tests)
        assertThat(Thread.interrupted()).isTrue();
        List<String> lines = Files.readAllLines(folder.get().resolve("metrics.jsonl"));
        JsonNode last = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(last.get("interrupted").asText()).contains("interrupted during epoch 0");
    }
}
