package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nca.support.io.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code nca clusters}, run in-process on the test plugin of {@link EvalTestPlugin}: 2 observable channels
 * uniform in [0, 1) that a drift model keeps fixed, and one hidden channel the model raises by 5 per step,
 * so the states at steps 0, 2 and 4 are three clearly separated clouds of cells.
 */
class ClustersCommandTest extends EvalPluginCommandTest {

    private Path hiddenDriftCheckpoint() {
        return EvalTestPlugin.writeDriftCheckpoint(temp.resolve("run/checkpoints/best.nca"), new double[] {0, 0, 5});
    }

    @Test
    void theElbowFindsOneClusterPerAnalysedStep() throws IOException {
        CliRun run = nca("clusters", hiddenDriftCheckpoint().toString(), "--steps", "4", "--k-range", "2..6");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("analysed_steps").toString()).isEqualTo("[0,2,4]");
        assertThat(json.get("every").asInt()).isEqualTo(2);
        assertThat(json.get("k_selection").asText()).isEqualTo("elbow");
        assertThat(json.get("k_range").toString()).isEqualTo("[2,6]");
        assertThat(json.get("chosen_k").asInt()).isEqualTo(3);
        assertThat(json.get("k").asInt()).isEqualTo(3);
        Path out = Path.of(json.get("out").asText());
        assertThat(out.getParent()).isEqualTo(temp.resolve("run").toAbsolutePath());
        assertThat(out.getFileName().toString()).startsWith("clusters-");

        JsonNode file = JSON.readTree(Path.of(json.get("json").asText()).toFile());
        assertThat(file.get("channels").asInt()).isEqualTo(3);
        assertThat(file.get("k_tried").toString()).isEqualTo("[2,3,4,5,6]");
        // every step is one cluster of all 64 cells, a different one at each step
        Set<Integer> clusterOfStep = new HashSet<>();
        for (JsonNode sizes : file.get("cluster_sizes")) {
            int full = -1;
            for (int j = 0; j < 3; j++) {
                long size = sizes.get(j).asLong();
                assertThat(size).isIn(0L, 64L);
                full = size == 64 ? j : full;
            }
            clusterOfStep.add(full);
        }
        assertThat(clusterOfStep).containsExactlyInAnyOrder(0, 1, 2);
        // the centroids' hidden channel is the hidden value of each step: 0, 10, 20
        Set<Long> hidden = new HashSet<>();
        file.get("centroids").forEach(c -> hidden.add(Math.round(c.get(2).asDouble())));
        assertThat(hidden).containsExactlyInAnyOrder(0L, 10L, 20L);

        for (String frame : new String[] {"step-000000.png", "step-000002.png", "step-000004.png"}) {
            assertThat(ImageIO.read(out.resolve("frames").resolve(frame).toFile())).isNotNull();
        }
        assertThat(Path.of(json.get("animation").asText())).isRegularFile().hasFileName("clusters.gif");
        assertThat(ImageIO.read(Path.of(json.get("overview").asText()).toFile())).isNotNull();
        assertThat(ImageIO.read(Path.of(json.get("elbow_plot").asText()).toFile())).isNotNull();
    }

    @Test
    void aliveThresholdMasksTheCellsWhoseAlphaIsLow() throws IOException {
        Path cp = hiddenDriftCheckpoint();
        Path out = temp.resolve("clusters");
        Path npy = temp.resolve("train.npy");

        CliRun run = nca("clusters", cp.toString(), "--steps", "4", "--k", "3", "--alive-threshold", "0.5",
                "--from", "train", "--trajectory", "1", "--out", out.toString(), "--seed", "4");
        CliRun export = nca("data", "export", cp.toString(), "--out", npy.toString(), "--split", "train");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(export.status()).as(export.err()).isZero();
        // independently: cells of trajectory 1 whose channel "q" (the last observable one) is <= 0.5
        INDArray frames = Npy.read(npy);
        long dead = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                dead += frames.getDouble(1, 0, 1, y, x) <= 0.5 ? 1 : 0;
            }
        }
        assertThat(dead).isBetween(1L, 63L);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("k_selection").asText()).isEqualTo("fixed");
        assertThat(json.get("elbow_plot").isNull()).isTrue();
        assertThat(json.get("seed").asLong()).isEqualTo(4);
        assertThat(json.get("from").asText()).isEqualTo("train");
        JsonNode file = JSON.readTree(out.resolve("clusters.json").toFile());
        assertThat(file.get("alive_threshold").asDouble()).isEqualTo(0.5);
        assertThat(file.get("alive_channel").asInt()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            long sizes = 0;
            for (JsonNode size : file.get("cluster_sizes").get(i)) {
                sizes += size.asLong();
            }
            assertThat(file.get("dead_cells").get(i).asLong()).isEqualTo(dead);
            assertThat(sizes).isEqualTo(64 - dead);
        }
        assertThat(file.get("living_cells").asLong()).isEqualTo(3 * (64 - dead));
        assertThat(out.resolve("elbow.png")).doesNotExist();
        assertThat(out.resolve("frames/step-000004.png")).isRegularFile();
    }

    @Test
    void rejectsMalformedOrConflictingClusterCounts() {
        String cp = hiddenDriftCheckpoint().toString();

        CliRun notARange = nca("clusters", cp, "--steps", "2", "--k-range", "2-15");
        CliRun tooNarrow = nca("clusters", cp, "--steps", "2", "--k-range", "3..4");
        CliRun both = nca("clusters", cp, "--steps", "2", "--k", "3", "--k-range", "2..15");
        CliRun zero = nca("clusters", cp, "--steps", "2", "--k", "0");
        CliRun nan = nca("clusters", cp, "--steps", "2", "--alive-threshold", "NaN");
        CliRun everyone = nca("clusters", cp, "--steps", "2", "--k", "2", "--alive-threshold", "5");

        assertThat(notARange.status()).isEqualTo(2);
        assertThat(notARange.err()).contains("--k-range '2-15' is not a range: write LOW..HIGH");
        assertThat(tooNarrow.status()).isEqualTo(2);
        assertThat(tooNarrow.err()).contains("--k-range 3..4 is not allowed")
                .contains("at least three values of k");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("--k and --k-range exclude each other");
        assertThat(zero.status()).isEqualTo(2);
        assertThat(zero.err()).contains("--k must be at least 1, got 0");
        assertThat(nan.status()).isEqualTo(2);
        assertThat(nan.err()).contains("--alive-threshold must be a finite number");
        assertThat(everyone.status()).isEqualTo(2);
        assertThat(everyone.err()).contains("no cell is alive");
    }
}
