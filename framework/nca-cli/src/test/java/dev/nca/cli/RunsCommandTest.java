package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What {@code nca train} records for comparing runs (wall-clock times, train.log, overrides and
 * Slurm ids in provenance) and {@code nca runs} over real run folders of a small "sweep".
 */
class RunsCommandTest extends EvalPluginCommandTest {

    private Path trainInto(Path output, CliEnvironment environment, String... sets) throws IOException {
        Path recipe = temp.resolve("ramp.toml");
        Files.writeString(recipe, EvalTestPlugin.RECIPE);
        List<String> args = new ArrayList<>(List.of("train", recipe.toString(), "--output", output.toString()));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        CliRun run = nca(environment, args.toArray(String[]::new));
        return Path.of(JSON.readTree(run.out()).get("run").asText());
    }

    private static List<JsonNode> metrics(Path run) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void trainRecordsTimesLogOverridesAndSlurmIds() throws IOException {
        Instant before = Instant.now();
        CliEnvironment slurm = new CliEnvironment(Map.of("SLURM_JOB_ID", "4242", "SLURM_ARRAY_JOB_ID", "4240",
                "SLURM_ARRAY_TASK_ID", "2"), Optional.empty());
        Path run = trainInto(temp.resolve("runs"), slurm, "training.epochs=2", "model.hidden=5");

        for (JsonNode record : metrics(run)) {
            Instant time = Instant.parse(record.get("time").asText());
            assertThat(time).isBetween(before, Instant.now());
        }
        JsonNode provenance = JSON.readTree(run.resolve("provenance.json").toFile());
        assertThat(provenance.get("overrides").toString())
                .isEqualTo("{\"training.epochs\":\"2\",\"model.hidden\":\"5\"}");
        assertThat(provenance.get("slurm").toString())
                .isEqualTo("{\"job_id\":\"4242\",\"array_job_id\":\"4240\",\"array_task_id\":\"2\"}");
        String log = Files.readString(run.resolve("train.log"));
        // lines from before the run folder existed are kept, and so are those after it
        assertThat(log).contains("generating data with dataset \"eval-ramp\"").contains("run folder: " + run)
                .contains("epoch 2/2  loss").matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO .*");
    }

    @Test
    void runsTabulatesAndPlotsASweepOfRunFolders() throws IOException {
        Path sweep = temp.resolve("sweep");
        Path a = trainInto(sweep.resolve("short"), CliEnvironment.empty(), "training.epochs=2");
        Path b = trainInto(sweep.resolve("long"), CliEnvironment.empty(), "training.epochs=3");
        Path plot = temp.resolve("loss.png");

        CliRun json = nca("runs", sweep.toString(), "--format", "json", "--plot", plot.toString());
        CliRun text = nca("runs", sweep.toString());
        CliRun csv = nca("runs", a.toString(), "--format", "csv");

        assertThat(json.status()).as(json.err()).isZero();
        JsonNode rows = JSON.readTree(json.out());
        assertThat(rows).hasSize(2);
        // sorted by path: long/... before short/...
        for (int i = 0; i < 2; i++) {
            Path folder = i == 0 ? b : a;
            JsonNode row = rows.get(i);
            List<JsonNode> records = metrics(folder);
            double best = records.stream().mapToDouble(r -> r.get("loss").asDouble()).min().orElseThrow();
            double seconds = records.stream().mapToDouble(r -> r.get("seconds").asDouble()).sum();
            assertThat(row.get("run").asText()).isEqualTo(sweep.relativize(folder).toString());
            assertThat(row.get("dataset").asText()).isEqualTo("eval-ramp");
            assertThat(row.get("epochs").asInt()).isEqualTo(records.size()).isEqualTo(i == 0 ? 3 : 2);
            assertThat(row.get("overrides").get("training.epochs").asText()).isEqualTo(i == 0 ? "3" : "2");
            assertThat(row.get("best_loss").asDouble()).isEqualTo(best);
            double last = records.get(records.size() - 1).get("loss").asDouble();
            assertThat(row.get("final_loss").asDouble()).isEqualTo(last);
            assertThat(row.get("do_nothing_loss").asDouble())
                    .isEqualTo(records.get(0).get("do_nothing_loss").asDouble());
            assertThat(row.get("seconds").asDouble()).isCloseTo(seconds, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(row.get("validation").isNull()).isTrue();
            assertThat(row.get("diverged").asBoolean()).isFalse();
        }
        BufferedImage image = javax.imageio.ImageIO.read(plot.toFile());
        assertThat(image.getWidth()).isEqualTo(960);

        assertThat(text.status()).isZero();
        List<String> lines = text.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("run").contains("do nothing loss").contains("diverged");
        assertThat(lines.get(1)).contains("eval-ramp").contains("training.epochs=3").endsWith("no");

        assertThat(csv.status()).isZero();
        assertThat(csv.out().lines().toList()).hasSize(2).first().isEqualTo(
                "run,dataset,overrides,epochs,seconds,do_nothing_loss,final_loss,best_loss,validation,diverged");
        assertThat(csv.out().lines().toList().get(1)).startsWith(a.getFileName() + ",eval-ramp,training.epochs=2,2,");
    }

    @Test
    void runsNamesAFolderWithoutRuns() {
        CliRun run = nca("runs", temp.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(temp + " holds no run folder");
    }
}
