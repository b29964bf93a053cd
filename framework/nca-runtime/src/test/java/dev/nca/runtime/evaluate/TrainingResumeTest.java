package dev.nca.runtime.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.NcaException;
import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.CheckpointIO;
import dev.nca.core.io.SavedSchedule;
import dev.nca.api.ScheduleState;
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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

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

    /** A run with a schedule whose state matters, a decaying learning rate and a checkpoint after every epoch. */
    private static Recipe carrying(long epochs) {
        return RecipeLoader.parse(TestExtensions.RECIPE, "test.toml",
                Map.of("training.epochs", Long.toString(epochs), "training.learning_rate", "0.05",
                        "training.learning_rate_decay", "\"cosine\"", "training.final_learning_rate", "0.005",
                        "training.schedule", "\"" + CarriedStateSchedule.NAME + "\"",
                        "output.checkpoint_every", "1", "output.keep_last", "false"));
    }

    private static double[] values(org.nd4j.linalg.api.ndarray.INDArray a) {
        return a.dup('c').data().asDouble();
    }

    /** The metrics.jsonl lines without their wall-clock fields. */
    private static List<JsonNode> metrics(Path run) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode)
                    json.readTree(line);
            n.remove(List.of("time", "seconds"));
            out.add(n);
        }
        return out;
    }

    @Test
    void resumeRestoresTheScheduleStateAndReproducesTheUninterruptedRun() throws IOException {
        RunSummary whole = train(carrying(6), temp.resolve("whole"), null);
        Path afterEpoch2 = whole.directory().resolve("checkpoints/epoch-000003.nca");
        assertThat(CheckpointIO.read(afterEpoch2).schedule().state().arrayNames()).containsExactly("carried");
        assertThat(CheckpointIO.read(whole.directory().resolve("checkpoints/best.nca")).schedule())
                .as("best.nca carries no schedule state").isNull();

        RunSummary rest = train(carrying(6), temp.resolve("rest"), ResumePoint.read(afterEpoch2));

        List<JsonNode> all = metrics(whole.directory());
        assertThat(all).hasSize(6);
        assertThat(metrics(rest.directory())).containsExactlyElementsOf(all.subList(3, 6));
        Checkpoint a = CheckpointIO.read(whole.directory().resolve("checkpoints/last.nca"));
        Checkpoint b = CheckpointIO.read(rest.directory().resolve("checkpoints/last.nca"));
        a.parameters().forEach((name, t) -> assertThat(values(b.parameters().get(name))).as(name)
                .containsExactly(values(t)));
        assertThat(b.bestLoss()).as("lowest loss, counted over the epochs before the resume too")
                .isEqualTo(a.bestLoss());
        assertThat(values(b.schedule().state().array("carried")))
                .containsExactly(values(a.schedule().state().array("carried")));
        JsonNode resumed = new ObjectMapper().readTree(rest.directory().resolve("provenance.json").toFile())
                .get("resumed_from");
        assertThat(resumed.get("schedule_state").asText()).isEqualTo("restored");
    }

    @Test
    void checkpointWithoutScheduleStateResumesWithTheScheduleRestartedAndSaysSo() throws IOException {
        RunSummary whole = train(carrying(6), temp.resolve("whole"), null);
        Path old = temp.resolve("old.nca");
        CheckpointIO.write(old, CheckpointIO.read(whole.directory().resolve("checkpoints/epoch-000003.nca"))
                .withSchedule(null));

        RunSummary rest = train(carrying(6), temp.resolve("rest"), ResumePoint.read(old));

        JsonNode resumed = new ObjectMapper().readTree(rest.directory().resolve("provenance.json").toFile())
                .get("resumed_from");
        assertThat(resumed.get("schedule_state").asText()).startsWith("restarted from the data: the checkpoint "
                + "carries no schedule state");
        assertThat(losses(rest.directory()).get(0)).as("the restarted schedule plans from the data again")
                .isNotEqualTo(losses(whole.directory()).get(3));
    }

    @Test
    void scheduleStateThatDoesNotFitRestartsTheScheduleAndSaysWhy() throws IOException {
        RunSummary whole = train(carrying(6), temp.resolve("whole"), null);
        Checkpoint c = CheckpointIO.read(whole.directory().resolve("checkpoints/epoch-000003.nca"));
        Path foreign = temp.resolve("foreign.nca");
        CheckpointIO.write(foreign, c.withSchedule(new SavedSchedule(CarriedStateSchedule.NAME,
                ScheduleState.builder().array("carried", Nd4j.zeros(DataType.DOUBLE, 1, 3, 3, 3)).build())));

        RunSummary rest = train(carrying(6), temp.resolve("rest"), ResumePoint.read(foreign));

        JsonNode resumed = new ObjectMapper().readTree(rest.directory().resolve("provenance.json").toFile())
                .get("resumed_from");
        assertThat(resumed.get("schedule_state").asText()).startsWith("restarted from the data: the checkpoint's "
                + "schedule state does not fit this run").contains("'carried' has shape [1, 3, 3, 3]");
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
