package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nca train}: exactly one of RECIPE and --resume. */
class TrainArgumentsTest {

    @TempDir
    Path temp;

    @Test
    void needsARecipeOrACheckpointToResume() {
        CliRun run = CliRun.run(CliEnvironment.empty(), "train");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("give a RECIPE to train, or --resume CHECKPOINT to continue");
    }

    @Test
    void refusesARecipeTogetherWithResume() {
        CliRun run = CliRun.run(CliEnvironment.empty(), "train", "r.toml", "--resume", "last.nca");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("either a RECIPE or --resume CHECKPOINT, not both");
    }

    @Test
    void aMissingCheckpointToResumeIsNamed() {
        Path missing = temp.resolve("runs/x/checkpoints/last.nca");
        CliRun run = CliRun.run(CliEnvironment.empty(), "train", "--resume", missing.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(missing.toString()).doesNotContain("Exception");
    }
}
