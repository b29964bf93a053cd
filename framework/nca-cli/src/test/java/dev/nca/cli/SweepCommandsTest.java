package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code nca sweep} and {@code nca check} of sweep files on the evaluation test plugin; {@code nca
 * sweep run} starts its points as real child JVMs.
 */
class SweepCommandsTest extends EvalPluginCommandTest {

    private Path sweep(String axes) throws IOException {
        return sweep(axes, "[1, 2]");
    }

    private Path sweep(String axes, String seeds) throws IOException {
        Files.writeString(temp.resolve("base.toml"), EvalTestPlugin.RECIPE);
        return Files.writeString(temp.resolve("study.toml"), """
                [sweep]
                recipe = "base.toml"
                seeds = %s
                output = "%s"
                %s
                [evaluation]
                steps = 4
                at = [2, 4]
                """.formatted(seeds, temp.resolve("sweeps"), axes));
    }

    @Test
    void runReportsAndResumesASweepWithChildProcesses() throws IOException {
        Path file = sweep("[axes.rate]\nkey = \"data.params.rate\"\nvalues = [0.25, 0.5]\n", "[2]");
        int workers = Math.min(2, Runtime.getRuntime().availableProcessors());

        CliRun run = nca("sweep", "run", file.toString(), "--workers", Integer.toString(workers));

        assertThat(run.status()).as(run.err()).isZero();
        Path folder = temp.resolve("sweeps/study");
        assertThat(run.out().strip()).isEqualTo(folder.toString());
        assertThat(run.err()).contains("2 points, 0 done, 2 to run", "2/2 done, 0 failed");
        assertThat(folder.resolve("points/rate-0.25_seed-2/checkpoints/best.nca")).isRegularFile();
        assertThat(folder.resolve("points/rate-0.25_seed-2/evaluation/evaluation.json")).isRegularFile();

        CliRun again = nca("sweep", "run", file.toString());
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.err()).contains("2 points, 2 done, 0 to run");

        CliRun status = nca("sweep", "status", folder.toString(), "--json");
        JsonNode json = JSON.readTree(status.out());
        assertThat(json.get("counts").get("done").asInt()).isEqualTo(2);

        CliRun report = nca("sweep", "report", folder.toString());
        assertThat(report.status()).as(report.err()).isZero();
        List<String> table = Files.readAllLines(folder.resolve("report/table.csv"));
        assertThat(table).hasSize(3);
        assertThat(table.get(0)).startsWith("point,rate,seed,state,epochs,seconds,final_loss,best_loss,"
                + "do_nothing_loss,error_at_2,relative_error_at_2,error_at_4,relative_error_at_4");
        assertThat(table.get(1)).startsWith("rate-0.25_seed-2,0.25,2,done,1,");
        assertThat(folder.resolve("report/error_at_4-vs-rate.png")).isRegularFile();
    }

    @Test
    void aChangedEvaluationReEvaluatesDonePointsWithoutTrainingThemAgain() throws IOException {
        Path file = sweep("[axes.rate]\nkey = \"data.params.rate\"\nvalues = [0.25]\n", "[2]");
        assertThat(nca("sweep", "run", file.toString()).status()).isZero();
        Path folder = temp.resolve("sweeps/study");
        Path point = folder.resolve("points/rate-0.25_seed-2");
        byte[] trained = Files.readAllBytes(point.resolve("checkpoints/best.nca"));
        JsonNode before = JSON.readTree(point.resolve("state.json").toFile()).get("result");

        Files.writeString(file, Files.readString(file) + "set = [\"data.params.rate=0.75\"]\n");
        CliRun again = nca("sweep", "run", file.toString());

        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.err()).contains("1 points, 0 done, 1 to run", "1/1 done, 0 failed");
        assertThat(Files.readAllBytes(point.resolve("checkpoints/best.nca"))).isEqualTo(trained);
        JsonNode after = JSON.readTree(point.resolve("state.json").toFile()).get("result");
        assertThat(after.get("final_loss")).isEqualTo(before.get("final_loss"));
        assertThat(after.get("evaluation_spec").get("set").get("data.params.rate").asText()).isEqualTo("0.75");
        assertThat(after.get("evaluation").get("at").get(1).get("error").asDouble())
                .isNotEqualTo(before.get("evaluation").get("at").get(1).get("error").asDouble());
        assertThat(folder.resolve("attempts/rate-0.25_seed-2.evaluation.1/evaluation.json")).isRegularFile();

        // the same errors as nca evaluate with the changed dataset parameter
        CliRun direct = nca("evaluate", point.resolve("checkpoints/best.nca").toString(), "--steps", "4", "--at", "2,4",
                "--set", "data.params.rate=0.75", "--out", temp.resolve("direct").toString());
        assertThat(direct.status()).as(direct.err()).isZero();
        assertThat(JSON.readTree(direct.out()).get("at").get(1).get("error").asDouble())
                .isEqualTo(after.get("evaluation").get("at").get(1).get("error").asDouble());
        assertThat(nca("sweep", "run", file.toString()).err()).contains("1 points, 1 done, 0 to run");
    }

    @Test
    void evaluateChangesOnlyDatasetParameters() {
        CliRun run = nca("evaluate", "missing.nca", "--set", "model.hidden=3");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("'model.hidden': only the dataset's parameters of a trained model can be changed")
                .doesNotContain("Exception");
    }

    @Test
    void checkExpandsASweepAndBadSweepsGetMessagesWithoutStackTraces() throws IOException {
        Path file = sweep("[axes.rate]\nkey = \"data.params.rate\"\nvalues = [0.25, 0.5]\n");

        CliRun check = nca("check", file.toString());

        assertThat(check.status()).as(check.err()).isZero();
        JsonNode entry = JSON.readTree(check.out()).get(0);
        assertThat(entry.get("sweep").asText()).isEqualTo("study");
        assertThat(entry.get("points").asInt()).isEqualTo(4);

        Path bad = sweep("[axes.rate]\nkey = \"data.params.rate\"\nvalues = [0.25, 50.0]\n");
        CliRun run = nca("sweep", "run", bad.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("nca: ", "study.toml (point rate-50.0_seed-1)", "'rate'")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(temp.resolve("sweeps")).doesNotExist();

        Path odd = sweep("[axes.rate]\nkey = \"data.params.rate\"\nvalues = [0.25]\n").resolveSibling("study.toml");
        Files.writeString(odd, Files.readString(odd).replace("at = [2, 4]", "at = [3, 4]"));
        CliRun spacing = nca("sweep", "run", odd.toString());
        assertThat(spacing.status()).isEqualTo(2);
        assertThat(spacing.err()).contains("[evaluation] at: 3 is not a multiple of the frame spacing 2");

        CliRun executor = nca("sweep", "submit", file.toString(), "--executor", "ssh");
        assertThat(executor.status()).isEqualTo(2);
        assertThat(executor.err()).contains("--executor ssh: the executors are: slurm");

        CliRun none = nca("sweep", "status", temp.resolve("nowhere").toString());
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("is not a sweep folder");
    }
}
