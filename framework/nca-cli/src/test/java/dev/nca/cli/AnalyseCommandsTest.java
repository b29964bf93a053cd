package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nca.support.io.Npy;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code nca simulate --npy} and {@code nca analyse ...} run in-process on the test plugin's drift
 * model (every step adds v; identity kernels) and ramp data (8 x 8, 2 observable channels, rising
 * 0.5 per frame, frame spacing 2), where every answer can be worked out by hand.
 */
class AnalyseCommandsTest extends EvalPluginCommandTest {

    private Path checkpoint(double... v) {
        return EvalTestPlugin.writeDriftCheckpoint(temp.resolve("run/checkpoints/best.nca"), v);
    }

    @Test
    void simulateWritesTheRecordedStatesAndStepsAsNpy() throws IOException {
        Path file = temp.resolve("arrays/rollout.npy");

        CliRun run = nca("simulate", checkpoint(0.1, -0.2, 0.25).toString(), "--steps", "5", "--every", "2",
                "--out", temp.resolve("pictures").toString(), "--npy", file.toString());

        assertThat(run.status()).as(run.err()).isZero();
        INDArray states = Npy.read(file);
        INDArray steps = Npy.read(temp.resolve("arrays/rollout.steps.npy"));
        assertThat(states.shape()).containsExactly(4, 3, 8, 8);
        assertThat(steps.data().asDouble()).containsExactly(0, 2, 4, 5);
        double[] v = {0.1, -0.2, 0.25};
        for (int t = 0; t < 4; t++) {
            for (int c = 0; c < 3; c++) {
                INDArray drift = states.slice(t).slice(c).sub(states.slice(0).slice(c));
                assertThat(drift.minNumber().doubleValue()).isCloseTo(steps.getDouble(t) * v[c], within(1e-5));
                assertThat(drift.maxNumber().doubleValue()).isCloseTo(steps.getDouble(t) * v[c], within(1e-5));
            }
        }
        assertThat(JSON.readTree(run.out()).get("npy").asText()).isEqualTo(file.toString());

        CliRun again = nca("simulate", checkpoint(0.1, -0.2, 0.25).toString(), "--steps", "5",
                "--out", temp.resolve("pictures2").toString(), "--npy", file.toString());
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.err()).contains("exists already");
    }

    @Test
    void symmetryOfIdentityKernelsIsExact() throws IOException {
        CliRun run = nca("analyse", "symmetry", checkpoint(0.1, -0.2, 0.25).toString(), "--steps", "4",
                "--out", temp.resolve("sym").toString());

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("symmetries")).hasSize(7);
        assertThat(json.get("worst_relative").asDouble()).isLessThan(1e-6);
        assertThat(temp.resolve("sym/symmetry.png")).isRegularFile();
        assertThat(temp.resolve("sym/symmetry.json")).isRegularFile();
        assertThat(run.err()).contains("rot90");
    }

    @Test
    void perturbationOfADriftModelStaysAsItWas() throws IOException {
        // a 2 x 2 patch of 0.5 on both observable channels of 8 x 8 cells: RMS 0.5 * sqrt(4 / 64), kept forever
        CliRun run = nca("analyse", "perturb", checkpoint(0.1, -0.2, 0.25).toString(), "--steps", "4", "--patch", "2",
                "--at", "2", "--out", temp.resolve("perturb").toString());

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("steps_after_perturbation").toString()).isEqualTo("[0,2,4]");
        for (JsonNode v : json.get("mean_response")) {
            assertThat(v.asDouble()).isCloseTo(0.125, within(1e-5));
        }
        assertThat(json.get("final_response_map")).hasSize(4);
        assertThat(temp.resolve("perturb/response-map.png")).isRegularFile();
        assertThat(temp.resolve("perturb/response-curve.png")).isRegularFile();
    }

    @Test
    void adversarialErrorOfAPerfectDriftIsKappaSquaredOverTheValueCount() throws IOException {
        // v = 0.25 per step follows the ramp (0.5 per frame of 2 steps) exactly, so E(delta) = |delta|^2 / 128
        CliRun run = nca("analyse", "adversarial", checkpoint(0.25, 0.25, 0.0).toString(), "--steps", "4",
                "--kappa", "0.5,1", "--iterations", "3", "--random-draws", "2", "--minimise",
                "--out", temp.resolve("adv").toString());

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("unperturbed_error").asDouble()).isCloseTo(0.0, within(1e-10));
        JsonNode budget = json.get("budgets").get(1);
        assertThat(budget.get("adversarial_error").asDouble()).isCloseTo(1.0 / 128, within(1e-6));
        assertThat(budget.get("random_errors").get(0).asDouble()).isCloseTo(1.0 / 128, within(1e-6));
        assertThat(budget.get("minimised_error").asDouble()).isCloseTo(0.0, within(1e-10));
        assertThat(temp.resolve("adv/error-vs-kappa.png")).isRegularFile();
    }

    @Test
    void rulesOfADriftModelAreItsConstantChange() throws IOException {
        CliRun run = nca("analyse", "rules", checkpoint(0.25, -0.125, 0.0).toString(), "--steps", "16", "--every",
                "1", "--degree", "2", "--out", temp.resolve("rules").toString());

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode equations = JSON.readTree(run.out()).get("equations");
        assertThat(equations.get(0).get("coefficients").get("1").asDouble()).isCloseTo(0.25, within(1e-4));
        assertThat(equations.get(1).get("coefficients").get("1").asDouble()).isCloseTo(-0.125, within(1e-4));
        assertThat(run.err()).contains("d p = ");
    }

    @Test
    void badArgumentsGetClearErrors() {
        String cp = checkpoint(0.1, 0.1, 0.1).toString();

        CliRun patch = nca("analyse", "perturb", cp, "--steps", "2", "--patch", "9");
        assertThat(patch.status()).isEqualTo(2);
        assertThat(patch.err()).contains("the patch (9 x 9 cells) is larger than the lattice (8 x 8)");

        CliRun kappa = nca("analyse", "adversarial", cp, "--steps", "2", "--kappa", "1,0");
        assertThat(kappa.status()).isEqualTo(2);
        assertThat(kappa.err()).contains("--kappa values must be finite numbers > 0, got 0.0");

        CliRun beyond = nca("analyse", "adversarial", cp, "--steps", "100", "--kappa", "1");
        assertThat(beyond.status()).isEqualTo(2);
        assertThat(beyond.err()).contains("--steps 100").contains("at most");

        CliRun at = nca("analyse", "perturb", cp, "--steps", "2", "--at", "-1");
        assertThat(at.status()).isEqualTo(2);
        assertThat(at.err()).contains("--at must be at least 0");
    }
}
