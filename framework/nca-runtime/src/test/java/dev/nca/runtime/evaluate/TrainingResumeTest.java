package dev.nca.runtime.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.NcaException;
import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.CheckpointIO;
import dev.nca.runtime.experiment.ExperimentPlan;
import dev.nca.runtime.experiment.ResumePoint;
import dev.nca.runtime.experiment.RunSummary;
import dev.nca.runtime.experiment.TrainingConsole;
import dev.nca.runtime.experiment.TrainingRun;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.runtime.recipe.Recipe;
import dev.nca.runtime.recipe.RecipeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TrainingRun} resumed from a checkpoint continues exactly as an uninterrupted run. */
class TrainingResumeTest {

    @TempDir
    Path temp;

    private final Extensions extensions = TestExtensions.extensions();

    private RunSummary train(Recipe recipe, Path out, ResumePoint resume) {
        ExperimentPlan plan = ExperimentPlan.resolve(recipe, extensions, TestExtensions.engines());
        return TestExtensions.runs(extensions).create(plan, Map.of(), out, resume, TrainingConsole.logLines()).run();
    }

    private static Recipe recipe(long epochs) {
        return RecipeLoader.parse(TestExtensions.RECIPE, "test.toml",
                Map.of("training.epochs", Long.toString(epochs), "training.learning_rate", "0.05",
                        "output.checkpoint_every", "1"));
    }

    private static List<Double> losses(Path run) throws IOException {
        List<Double> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode n = json.readTree(line);
            if (n.has("loss")) {
                out.add(n.get("loss").asDouble());
            }
        }
        return out;
    }

    @Test
    void resumedEpochsEqualThoseOfAnUninterruptedRun() throws IOException {
        RunSummary whole = train(recipe(6), temp.resolve("whole"), null);
        RunSummary first = train(recipe(3), temp.resolve("first"), null);
        Path last = first.directory().resolve("checkpoints/last.nca");

        RunSummary rest = train(recipe(6), temp.resolve("rest"), ResumePoint.read(last));

        List<Double> all = losses(whole.directory());
        assertThat(all).hasSize(6);
        assertThat(all.get(5)).isLessThan(all.get(0));
        assertThat(losses(rest.directory())).containsExactlyElementsOf(all.subList(3, 6));
        assertThat(rest.epochs()).isEqualTo(3);
        Checkpoint a = CheckpointIO.read(whole.directory().resolve("checkpoints/last.nca"));
        Checkpoint b = CheckpointIO.read(rest.directory().resolve("checkpoints/last.nca"));
        assertThat(b.epoch()).isEqualTo(5);
        assertThat(b.parameters()).isEqualTo(a.parameters());
        assertThat(Files.readString(rest.directory().resolve("provenance.json"))).contains("resumed_from")
                .contains(last.toString());
    }

    @Test
    void refusesCheckpointsWithoutOptimiserStateAndFinishedRuns() {
        RunSummary first = train(recipe(2), temp.resolve("first"), null);
        Path best = first.directory().resolve("checkpoints/best.nca");
        assertThatThrownBy(() -> ResumePoint.read(best)).isInstanceOf(NcaException.class)
                .hasMessageContaining("no optimiser state").hasMessageContaining("last.nca");
        ResumePoint last = ResumePoint.read(first.directory().resolve("checkpoints/last.nca"));
        assertThatThrownBy(() -> train(recipe(2), temp.resolve("again"), last)).isInstanceOf(NcaException.class)
                .hasMessageContaining("already finished epoch 1").hasMessageContaining("training.epochs");
    }
}
