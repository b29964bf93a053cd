package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code nca analyse perturb} beside the true system, on the test plugin's drift model and ramp data
 * (the ramp's truth adds 0.5 per frame of 2 NCA steps): an additive system keeps a patch as it was,
 * so both responses stay at the patch's RMS, 0.5 sqrt(4 / 64) = 0.125 for a 2 x 2 patch of 0.5 on
 * both observable channels of 8 x 8 cells.
 */
class AnalysePerturbTruthTest extends EvalPluginCommandTest {

    private Path checkpoint(boolean simulable) {
        String recipe = EvalTestPlugin.RECIPE.replace("rate = 0.5", "rate = 0.5\nsimulable = " + simulable);
        return EvalTestPlugin.writeDriftCheckpoint(temp.resolve("run-" + simulable + "/checkpoints/best.nca"), recipe,
                new double[] {0.25, 0.25, 0.0});
    }

    @Test
    void theTruthsResponseIsWrittenBesideTheModels() throws IOException {
        CliRun run = nca("analyse", "perturb", checkpoint(true).toString(), "--steps", "4", "--patch", "2", "--at", "2",
                "--out", temp.resolve("perturb").toString());

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        JsonNode truth = json.get("truth");
        assertThat(truth.get("native_steps_per_nca_step").asDouble()).isEqualTo(0.5);
        assertThat(truth.get("mean_response")).hasSize(3);
        for (JsonNode v : truth.get("mean_response")) {
            assertThat(v.asDouble()).isCloseTo(0.125, within(1e-5));
        }
        for (JsonNode v : truth.get("max_response")) {
            assertThat(v.asDouble()).isCloseTo(0.125, within(1e-5));
        }
        assertThat(truth.get("final_response_map")).hasSize(4);
        assertThat(json.has("truth_note")).isFalse();
        assertThat(JSON.readTree(temp.resolve("perturb/perturb.json").toFile()).has("truth")).isTrue();
        assertThat(temp.resolve("perturb/response-map.png")).isRegularFile();
    }

    @Test
    void randomPositionsAreDrawnFromTheSeedAndReported() throws IOException {
        Path cp = checkpoint(true);
        JsonNode[] runs = new JsonNode[2];
        for (int i = 0; i < 2; i++) {
            CliRun run = nca("analyse", "perturb", cp.toString(), "--steps", "2", "--patch", "3", "--positions",
                    "random", "--count", "5", "--seed", "11", "--out", temp.resolve("random" + i).toString());
            assertThat(run.status()).as(run.err()).isZero();
            runs[i] = JSON.readTree(run.out());
        }
        JsonNode positions = runs[0].get("positions");
        assertThat(runs[0].get("positions_mode").asText()).isEqualTo("random");
        assertThat(positions).hasSize(5);
        for (JsonNode p : positions) {
            assertThat(p.get(0).asInt()).isBetween(0, 5);
            assertThat(p.get(1).asInt()).isBetween(0, 5);
        }
        assertThat(runs[1].get("positions")).isEqualTo(positions);
        // over the lattice: 8 x 8 cells
        assertThat(runs[0].get("final_response_map")).hasSize(8);
        assertThat(runs[0].get("truth").get("final_response")).hasSize(5);
    }

    @Test
    void aDatasetWithoutTrueDynamicsGivesTheModelAndANote() throws IOException {
        CliRun run = nca("analyse", "perturb", checkpoint(false).toString(), "--steps", "2", "--patch", "2",
                "--out", temp.resolve("model-only").toString());

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.has("truth")).isFalse();
        assertThat(json.get("truth_note").asText())
                .contains("dataset \"eval-ramp\"").contains("cannot simulate its true system").contains("model only");
        assertThat(run.err()).contains("note: ");

        CliRun required = nca("analyse", "perturb", checkpoint(false).toString(), "--steps", "2", "--truth");
        assertThat(required.status()).isEqualTo(2);
        assertThat(required.err()).contains("cannot simulate its true system").contains("drop --truth");
    }

    @Test
    void badCombinationsGetClearErrors() {
        String cp = checkpoint(true).toString();

        CliRun zero = nca("analyse", "perturb", cp, "--steps", "2", "--positions", "random", "--count", "0");
        assertThat(zero.status()).isEqualTo(2);
        assertThat(zero.err()).contains("--count must be at least 1, got 0");

        CliRun noCount = nca("analyse", "perturb", cp, "--steps", "2", "--positions", "random");
        assertThat(noCount.err()).contains("--positions random needs --count N");

        CliRun countOnGrid = nca("analyse", "perturb", cp, "--steps", "2", "--count", "3");
        assertThat(countOnGrid.err()).contains("--count sets the number of random positions");

        CliRun mode = nca("analyse", "perturb", cp, "--steps", "2", "--positions", "spiral");
        assertThat(mode.err()).contains("--positions must be grid or random, got \"spiral\"");

        CliRun hidden = nca("analyse", "perturb", cp, "--steps", "2", "--all-channels", "--truth");
        assertThat(hidden.status()).isEqualTo(2);
        assertThat(hidden.err()).contains("--all-channels perturbs hidden channels");

        CliRun halfFrame = nca("analyse", "perturb", cp, "--steps", "2", "--every", "1");
        assertThat(halfFrame.status()).isEqualTo(2);
        assertThat(halfFrame.err()).contains("step 1 is not a whole number of steps of the true system")
                .contains("--no-truth");

        CliRun off = nca("analyse", "perturb", cp, "--steps", "2", "--every", "1", "--no-truth",
                "--out", temp.resolve("off").toString());
        assertThat(off.status()).as(off.err()).isZero();
    }
}
