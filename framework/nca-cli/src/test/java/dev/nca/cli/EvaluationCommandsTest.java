package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nca.support.io.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@code nca simulate}, {@code nca evaluate} and {@code nca data export}, run in-process on a test plugin. */
class EvaluationCommandsTest extends EvalPluginCommandTest {

    private Path checkpoint(double... v) {
        return EvalTestPlugin.writeDriftCheckpoint(temp.resolve("run/checkpoints/best.nca"), v);
    }

    @Test
    void simulateWritesFramesStripAndAnimationIntoTheRunFolder() throws IOException {
        Path cp = checkpoint(0.0, 0.0, 0.25);

        CliRun run = nca("simulate", cp.toString(), "--steps", "5", "--every", "2", "--from", "train");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("recorded_steps").toString()).isEqualTo("[0,2,4,5]");
        assertThat(json.get("from").asText()).isEqualTo("train");
        assertThat(json.get("frame_count").asInt()).isEqualTo(4);
        Path out = Path.of(json.get("out").asText());
        assertThat(out.getParent()).isEqualTo(temp.resolve("run").toAbsolutePath());
        assertThat(out.getFileName().toString()).startsWith("simulate-");
        for (String frame : List.of("step-000000.png", "step-000002.png", "step-000004.png", "step-000005.png")) {
            assertThat(ImageIO.read(out.resolve("frames").resolve(frame).toFile())).isNotNull();
        }
        assertThat(ImageIO.read(Path.of(json.get("strip").asText()).toFile())).isNotNull();
        assertThat(Path.of(json.get("animation").asText())).isRegularFile().hasFileName("simulation.gif");
    }

    @Test
    void simulateUsesTheFrameSpacingByDefaultAndAnExplicitFolder() throws IOException {
        Path cp = checkpoint(0.0, 0.0, 0.25);
        Path out = temp.resolve("pictures");

        CliRun run = nca("simulate", cp.toString(), "--steps", "4", "--out", out.toString(), "--seed", "9");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("every").asInt()).isEqualTo(2);
        assertThat(json.get("seed").asLong()).isEqualTo(9);
        assertThat(json.get("from").asText()).isEqualTo("held-out");
        assertThat(out.resolve("frames/step-000004.png")).isRegularFile();
        assertThat(out.resolve("strip.png")).isRegularFile();
    }

    @Test
    void simulateFromASeedCellStartsFromOneLivingCell() throws IOException {
        Path out = temp.resolve("seeded");

        CliRun run = nca("simulate", checkpoint(0.0, 0.0, 0.25).toString(), "--steps", "2", "--seed-cell",
                "--out", out.toString());

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("from").asText()).isEqualTo("seed-cell");
        assertThat(out.resolve("frames/step-000000.png")).isRegularFile();
    }

    @Test
    void simulateRejectsATrajectoryOutOfRange() {
        CliRun run = nca("simulate", checkpoint(0, 0, 0).toString(), "--steps", "2", "--trajectory", "2");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--trajectory 2 is out of range")
                .contains("has 2 trajectories, numbered 0 to 1");
    }

    @Test
    void evaluateMeasuresTheErrorOfADoNothingModelAgainstTheRamp() throws IOException {
        // the observable channels never change, the data rise by 0.5 per frame on 2 x 8 x 8 values:
        // error at frame i = 0.5 i sqrt(128) for every trajectory
        Path cp = checkpoint(0.0, 0.0, 1.0);
        Path out = temp.resolve("eval");

        CliRun run = nca("evaluate", cp.toString(), "--steps", "8", "--at", "4,8", "--out", out.toString());

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("steps").toString()).isEqualTo("[0,2,4,6,8]");
        assertThat(json.get("trajectories").asInt()).isEqualTo(2);
        assertThat(json.get("frame_spacing").asInt()).isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            assertThat(json.get("error").get(i).asDouble()).isCloseTo(0.5 * i * Math.sqrt(128), within(1e-4));
            assertThat(json.get("relative_error").get(i).asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(json.get("at").get(0).get("step").asLong()).isEqualTo(4);
        assertThat(json.get("at").get(1).get("error").asDouble()).isCloseTo(2 * Math.sqrt(128), within(1e-4));
        JsonNode file = JSON.readTree(out.resolve("evaluation.json").toFile());
        assertThat(file.get("per_trajectory_error")).hasSize(2);
        assertThat(file.get("checkpoint").asText()).isEqualTo(cp.toString());
        assertThat(ImageIO.read(out.resolve("comparison.png").toFile())).isNotNull();
        assertThat(ImageIO.read(out.resolve("error.png").toFile())).isNotNull();
    }

    @Test
    void evaluateWithAMatchingDriftHasNoErrorAndDefaultsToTheRunFolder() throws IOException {
        // 0.25 per step = 0.5 per frame of 2 steps: the NCA follows the ramp exactly
        CliRun run = nca("evaluate", checkpoint(0.25, 0.25, 0.0).toString(), "--steps", "16");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("error")).hasSize(9);
        json.get("error").forEach(e -> assertThat(e.asDouble()).isCloseTo(0.0, within(1e-4)));
        assertThat(json.get("at").toString()).contains("\"step\":4").contains("\"step\":16");
        Path out = Path.of(json.get("out").asText());
        assertThat(out.getParent()).isEqualTo(temp.resolve("run").toAbsolutePath());
        assertThat(out.resolve("evaluation.json")).isRegularFile();
    }

    @Test
    void evaluateFromTheTrainingSplitComparesWithTheTrainingTrajectories() throws IOException {
        // a do-nothing model: x = u, truth = u + 0.5 i, so the relative error at frame i is
        // ||0.5 i|| / ||u + 0.5 i|| and depends on the split's random fields u
        Path cp = checkpoint(0.0, 0.0, 1.0);
        Path npy = temp.resolve("train.npy");
        CliRun export = nca("data", "export", cp.toString(), "--out", npy.toString(), "--split", "train",
                "--frames", "3");
        assertThat(export.status()).as(export.err()).isZero();
        INDArray train = Npy.read(npy).castTo(DataType.DOUBLE);

        CliRun fromTrain = nca("evaluate", cp.toString(), "--steps", "4", "--from", "train",
                "--out", temp.resolve("eval-train").toString());
        CliRun fromHeldOut = nca("evaluate", cp.toString(), "--steps", "4",
                "--out", temp.resolve("eval-held-out").toString());

        assertThat(fromTrain.status()).as(fromTrain.err()).isZero();
        assertThat(fromHeldOut.status()).as(fromHeldOut.err()).isZero();
        JsonNode json = JSON.readTree(fromTrain.out());
        assertThat(json.get("split").asText()).isEqualTo("train");
        assertThat(JSON.readTree(fromHeldOut.out()).get("split").asText()).isEqualTo("held-out");
        for (int i = 1; i <= 2; i++) {
            double expected = 0;
            for (int r = 0; r < 2; r++) {
                INDArray truth = train.get(NDArrayIndex.point(r),
                        NDArrayIndex.point(i));
                expected += 0.5 * i * Math.sqrt(128) / truth.norm2Number().doubleValue() / 2;
            }
            assertThat(json.get("relative_error").get(i).asDouble()).isCloseTo(expected, within(1e-5));
            assertThat(JSON.readTree(fromHeldOut.out()).get("relative_error").get(i).asDouble())
                    .isNotCloseTo(expected, within(1e-3));
        }
    }

    @Test
    void evaluateRejectsAnUnknownSplit() {
        CliRun run = nca("evaluate", checkpoint(0, 0, 0).toString(), "--steps", "4", "--from", "test");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("'test' is not a split; use one of [train, held-out]");
    }

    @Test
    void evaluateRejectsAHorizonThatIsNotAMultipleOfTheFrameSpacing() {
        CliRun run = nca("evaluate", checkpoint(0, 0, 0).toString(), "--steps", "7");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--steps 7 is not a multiple of the frame spacing 2");
    }

    @Test
    void evaluateRejectsAtStepsOffTheFrameTimes() {
        CliRun run = nca("evaluate", checkpoint(0, 0, 0).toString(), "--steps", "8", "--at", "3");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--at 3 is not a frame time");
    }

    @Test
    void dataExportWritesTheRecipesDatasetAsNpy() throws IOException {
        Path recipe = Files.writeString(temp.resolve("ramp.toml"), EvalTestPlugin.RECIPE);
        Path npy = temp.resolve("data/ramp.npy");

        CliRun run = nca("data", "export", recipe.toString(), "--out", npy.toString());

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("shape").toString()).isEqualTo("[2,3,2,8,8]");
        assertThat(json.get("channel_names").toString()).isEqualTo("[\"p\",\"q\"]");
        assertThat(json.get("split").asText()).isEqualTo("train");
        assertThat(json.get("dtype").asText()).isEqualTo("float32");
        INDArray frames = Npy.read(npy);
        assertThat(frames.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(frames.shape()).containsExactly(2, 3, 2, 8, 8);
        assertThat(frames.getDouble(1, 2, 1, 7, 3) - frames.getDouble(1, 0, 1, 7, 3)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void dataExportReadsTheRecipeOfACheckpoint() throws IOException {
        Path npy = temp.resolve("held-out.npy");

        CliRun run = nca("data", "export", checkpoint(0, 0, 0).toString(), "--out", npy.toString(),
                "--split", "held-out", "--frames", "5");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("split").asText()).isEqualTo("held-out");
        assertThat(Npy.read(npy).shape()).containsExactly(2, 5, 2, 8, 8);
    }

    @Test
    void dataExportNeedsAnNpyFileAndAKnownSplit() {
        CliRun wrongName = nca("data", "export", "recipe.toml", "--out", temp.resolve("x.csv").toString());
        CliRun wrongSplit = nca("data", "export", "recipe.toml", "--out", "x.npy", "--split", "test");
        CliRun noCommand = nca("data");

        assertThat(wrongName.status()).isEqualTo(2);
        assertThat(wrongName.err()).contains("the file name must end in .npy");
        assertThat(wrongSplit.status()).isEqualTo(2);
        assertThat(wrongSplit.err()).contains("'test' is not a split; use one of [train, held-out]");
        assertThat(noCommand.status()).isEqualTo(2);
        assertThat(noCommand.err()).contains("no data command given; the commands are: export");
    }
}
