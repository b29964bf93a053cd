package dev.nca.runtime.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.NcaException;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.CheckpointIO;
import dev.nca.runtime.experiment.ExperimentPlan;
import dev.nca.runtime.experiment.ResumePoint;
import dev.nca.runtime.experiment.RunSummary;
import dev.nca.runtime.experiment.TrainingConsole;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.runtime.recipe.Recipe;
import dev.nca.runtime.recipe.RecipeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * best.nca chosen by validation rollouts (the default) or by training loss, the validation error in
 * metrics.jsonl, and the messages of diverging runs.
 */
class BestCheckpointTest {

    @TempDir
    Path temp;

    private final Extensions extensions = TestExtensions.extensions();

    private RunSummary train(Recipe recipe, Path out, ResumePoint resume) {
        ExperimentPlan plan = ExperimentPlan.resolve(recipe, extensions, TestExtensions.engines());
        return TestExtensions.runs(extensions).create(plan, Map.of(), out, resume, TrainingConsole.logLines()).run();
    }

    private static Recipe recipe(Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("training.epochs", "7", "training.learning_rate", "0.05",
                "output.checkpoint_every", "3", "output.validate_every", "2"));
        all.putAll(overrides);
        return RecipeLoader.parse(TestExtensions.RECIPE, "test.toml", all);
    }

    /** Epoch to validation error, from metrics.jsonl. */
    private static Map<Integer, Double> validationErrors(Path run) throws IOException {
        Map<Integer, Double> out = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode n = json.readTree(line);
            if (n.has("validation_error")) {
                out.put(n.get("epoch").asInt(), n.get("validation_error").asDouble());
            }
        }
        return out;
    }

    /** Epoch to training loss, from metrics.jsonl. */
    private static Map<Integer, Double> losses(Path run) throws IOException {
        Map<Integer, Double> out = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode n = json.readTree(line);
            out.put(n.get("epoch").asInt(), n.get("loss").asDouble());
        }
        return out;
    }

    /**
     * The validation error of a checkpoint computed independently of the trainer: nca evaluate's
     * model loading and rollouts on the held-out split over the trained horizon, then mean error over
     * mean data norm for the frame times after the first.
     */
    private double independentValidationError(Path checkpoint) {
        CheckpointModel model = CheckpointModel.load(checkpoint, extensions, TestExtensions.engines());
        Trajectories truth = model.generate(Split.HELD_OUT, OptionalInt.of(3));
        Evaluation e;
        try (NcaEngine engine = model.engine(truth.size())) {
            e = new Evaluator(engine, model.parameters()).evaluate(truth, model.frameSpacing(truth),
                    model.seed("validate"));
        }
        double error = 0;
        double norm = 0;
        for (int i = 1; i < e.frames(); i++) {
            for (int r = 0; r < e.trajectories(); r++) {
                error += e.error()[i][r];
                norm += e.truthNorm()[i][r];
            }
        }
        return error / norm;
    }

    @Test
    void bestIsTheValidatedModelWithTheLowestValidationError() throws IOException {
        RunSummary run = train(recipe(Map.of()), temp, null);

        Map<Integer, Double> validation = validationErrors(run.directory());
        // every validate_every = 2 epochs and after the last
        assertThat(validation).containsOnlyKeys(1, 3, 5, 6);
        int bestEpoch = validation.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Path best = run.directory().resolve("checkpoints/best.nca");
        Checkpoint checkpoint = CheckpointIO.read(best);
        assertThat(checkpoint.epoch()).isEqualTo(bestEpoch);
        assertThat(checkpoint.metadata().get("best_by").get("criterion").asText()).isEqualTo("validation error");
        assertThat(independentValidationError(best)).isCloseTo(validation.get(bestEpoch), within(1e-9));
        // the last epoch's model is validated too, and last.nca holds it
        assertThat(independentValidationError(run.directory().resolve("checkpoints/last.nca")))
                .isCloseTo(validation.get(6), within(1e-9));
        assertThat(run.directory().resolve("loss.png")).isNotEmptyFile();
    }

    @Test
    void bestByLossKeepsTheParametersOfTheLowestLossEpoch() throws IOException {
        RunSummary run = train(recipe(Map.of("output.best_by", "\"loss\"")), temp, null);

        Map<Integer, Double> losses = losses(run.directory());
        int bestEpoch = losses.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Checkpoint checkpoint = CheckpointIO.read(run.directory().resolve("checkpoints/best.nca"));
        assertThat(checkpoint.epoch()).isEqualTo(bestEpoch);
        assertThat(checkpoint.loss()).isEqualTo(losses.get(bestEpoch));
        assertThat(checkpoint.metadata().get("best_by").get("criterion").asText()).isEqualTo("training loss");
    }

    @Test
    void divergenceInTheFirstEpochSaysNoCheckpointWasWritten() {
        Recipe recipe = recipe(Map.of("model.init_scale", "1e300"));

        assertThatThrownBy(() -> train(recipe, temp, null)).isInstanceOf(NcaException.class)
                .hasMessageStartingWith("training diverged at epoch 0")
                .hasMessageContaining("No checkpoint was written")
                .hasMessageNotContaining("best checkpoint so far is kept");
        try (var runs = Files.list(temp)) {
            Path dir = runs.findFirst().orElseThrow();
            assertThat(dir.resolve("checkpoints/best.nca")).doesNotExist();
            assertThat(dir.resolve("checkpoints/last.nca")).doesNotExist();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void laterDivergenceKeepsTheBestModelAndSaysWhich() {
        RunSummary first = train(recipe(Map.of("training.epochs", "3")), temp.resolve("first"), null);
        ResumePoint last = ResumePoint.read(first.directory().resolve("checkpoints/last.nca"));
        // by loss, the resumed epoch's loss (measured before its exploding update) is a candidate
        Recipe exploding = recipe(Map.of("training.learning_rate", "1e300", "training.learning_rate_decay",
                "\"constant\"", "output.best_by", "\"loss\""));

        assertThatThrownBy(() -> train(exploding, temp.resolve("resumed"), last)).isInstanceOf(NcaException.class)
                .hasMessageContaining("training diverged at epoch")
                .hasMessageContaining("checkpoints/best.nca holds the best model before that (epoch 3,"
                        + " training loss");
    }
}
