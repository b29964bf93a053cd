package dev.nca.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submits a tiny sweep (2 points x 1 seed, 2 epochs on an 8 x 8 Gray-Scott lattice) to a real Slurm
 * through the built distribution's {@code bin/nca sweep submit}, waits for the job array, and checks
 * the status and the report. Needs {@code sbatch} and a running cluster ({@code .ci/slurm-up.sh},
 * started by {@code .ci/run}); skipped with a message where {@code sbatch} is missing.
 */
class SweepSlurmInstallationTest {

    private static final Path DIST = Path.of(System.getProperty("nca.dist.directory"));
    private static final int WAIT_SECONDS = 150;

    @TempDir
    Path temp;

    @BeforeAll
    static void needsSlurm() {
        boolean sbatch = onPath("sbatch");
        if (!sbatch) {
            System.err.println("SKIPPED SweepSlurmInstallationTest: sbatch is not installed (CI installs Slurm and"
                    + " starts a one-node cluster with .ci/slurm-up.sh)");
        }
        assumeTrue(sbatch, "sbatch is not installed: the Slurm sweep test needs a Slurm cluster (.ci/slurm-up.sh)");
        boolean controller = controllerAnswers();
        if (!controller && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI: sbatch is installed but the Slurm controller does not answer (scontrol ping);"
                    + " .ci/run starts it with .ci/slurm-up.sh");
        }
        if (!controller) {
            System.err.println("SKIPPED SweepSlurmInstallationTest: sbatch is installed but no Slurm controller answers"
                    + " (start a one-node cluster with .ci/slurm-up.sh, as .ci/run does)");
        }
        assumeTrue(controller, "no Slurm controller answers scontrol ping");
    }

    /** Whether {@code scontrol ping} reaches a controller that is UP (within 20 s). */
    private static boolean controllerAnswers() {
        try {
            Process p = new ProcessBuilder("scontrol", "ping").redirectErrorStream(true).start();
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return p.exitValue() == 0 && out.contains("is UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private String nca(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DIST.resolve("bin/nca").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
        builder.environment().remove("NCA_PLUGINS");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("NCA_HEAP", "512m");
        builder.environment().put("XDG_CACHE_HOME", System.getProperty("nca.test.cache"));
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 120 s");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(command + ": " + stderr).isZero();
        assertThat(stderr).doesNotContain("\tat ");
        return Files.readString(out, StandardCharsets.UTF_8).strip();
    }

    @Test
    void submitsATinySweepAsAJobArrayAndReportsIt() throws Exception {
        Path sweepFile = temp.resolve("tiny.toml");
        Files.writeString(sweepFile, String.join("\n",
                "[sweep]",
                "recipe = \"" + DIST.resolve("recipes/quickstart-gray-scott.toml").toAbsolutePath() + "\"",
                "seeds = [3]",
                "set = [\"training.epochs=2\", \"data.params.size=8\", \"data.params.steps=64\","
                        + " \"data.params.patches=2\", \"data.params.patch_min=2\", \"data.params.patch_max=4\","
                        + " \"training.minibatch=8\", \"output.snapshot_every=1000\"]",
                "output = \"" + temp.resolve("sweeps") + "\"",
                "[axes.t]",
                "keys = [\"data.params.save_every\", \"training.frame_spacing\"]",
                "values = [8, 16]",
                "[evaluation]",
                "steps = 128",
                "at = [64, 128]",
                "[slurm]",
                "cpus = 1",
                "mem = \"1500M\"",
                "time = \"00:05:00\"",
                ""));
        Path sweep = temp.resolve("sweeps/tiny");

        String job = nca("sweep", "submit", sweepFile.toString(), "--executor", "slurm");

        assertThat(job).matches("[0-9]+");
        assertThat(Files.readString(sweep.resolve("slurm/array-0.sbatch"))).contains("#SBATCH --array=0-1\n",
                "#SBATCH --cpus-per-task=1\n", "#SBATCH --mem=1500M\n");
        // everything is queued or running: a second submission submits nothing
        assertThat(nca("sweep", "submit", sweepFile.toString(), "--executor", "slurm")).isEmpty();
        JsonNode status = waitUntilFinished(sweep);
        assertThat(status.get("counts").get("done").asInt()).as(status.toString()).isEqualTo(2);

        List<String> files = nca("sweep", "report", sweep.toString()).lines().toList();

        assertThat(files).contains(sweep.resolve("report/table.csv").toString(),
                sweep.resolve("report/error_at_128-vs-t.png").toString());
        List<String> table = Files.readAllLines(sweep.resolve("report/table.csv"));
        assertThat(table.get(0)).startsWith("point,t,seed,state,epochs,seconds,final_loss,best_loss,do_nothing_loss,"
                + "error_at_64,relative_error_at_64,error_at_128,relative_error_at_128");
        assertThat(table.subList(1, table.size())).hasSize(2).allMatch(row -> row.matches("t-(8|16)_seed-3,(8|16),3,"
                + "done,2,[0-9.E-]+(,[0-9.E-]+){7}"));
        assertThat(Files.list(sweep.resolve("slurm/logs")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder(job + "_0.out", job + "_1.out");
    }

    private JsonNode waitUntilFinished(Path sweep) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        JsonNode status;
        do {
            Thread.sleep(3000);
            status = new ObjectMapper().readTree(nca("sweep", "status", sweep.toString(), "--json"));
            JsonNode counts = status.get("counts");
            if (!counts.has("pending") && !counts.has("running")) {
                return status;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the sweep did not finish within " + WAIT_SECONDS + " s: " + status);
    }
}
