package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Module;
import dev.nca.core.train.EpochResult;
import dev.nca.runtime.experiment.PictureWriter;
import dev.nca.runtime.experiment.TrainingProgress;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The services of training runs and output folders come from the command's injector
 * ({@code RunModule} inside {@link CliModule}): a test that overrides a binding through
 * {@link Main#commandLine(CliEnvironment, List)} sees its own clock, progress display and picture
 * writer at work in real {@code nca train} and {@code nca simulate} runs.
 */
class RunBindingsTest extends EvalPluginCommandTest {

    private static final Instant NOW = Instant.parse("2021-03-04T05:06:07Z");

    private Path recipe() throws IOException {
        return Files.writeString(temp.resolve("ramp.toml"), EvalTestPlugin.RECIPE);
    }

    @Test
    void aFixedClockStampsRunFolderMetricsProvenanceAndOutputFolders() throws IOException {
        Clock fixed = Clock.fixed(NOW, ZoneOffset.UTC);
        List<Module> fixedClock = List.of(binder -> binder.bind(Clock.class).toInstance(fixed));
        Path runs = temp.resolve("runs");

        CliRun train = nca(fixedClock, "train", recipe().toString(), "--set", "training.epochs=2",
                "--output", runs.toString());

        assertThat(train.status()).as(train.err()).isZero();
        Path run = runs.resolve("eval-cli-20210304-050607");
        assertThat(JSON.readTree(train.out()).get("run").asText()).isEqualTo(run.toString());
        assertThat(JSON.readTree(run.resolve("provenance.json").toFile()).get("created").asText())
                .isEqualTo("2021-03-04T05:06:07Z");
        List<String> metrics = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertThat(metrics).hasSize(2);
        for (String line : metrics) {
            assertThat(JSON.readTree(line).get("time").asText()).isEqualTo("2021-03-04T05:06:07Z");
        }

        CliRun again = nca(fixedClock, "train", recipe().toString(), "--output", runs.toString());
        assertThat(JSON.readTree(again.out()).get("run").asText()).isEqualTo(run + "-1");

        CliRun simulate = nca(fixedClock, "simulate", run.resolve("checkpoints/best.nca").toString(), "--steps", "2");
        assertThat(simulate.status()).as(simulate.err()).isZero();
        assertThat(JSON.readTree(simulate.out()).get("out").asText())
                .isEqualTo(run.resolve("simulate-20210304-050607").toString());
    }

    @Test
    void boundProgressAndPictureWriterReplaceTheDefaults() throws IOException {
        List<String> progress = new ArrayList<>();
        TrainingProgress.Factory recording = (first, total, bar) -> {
            progress.add("start " + first + "/" + total + (bar ? " bar" : " lines"));
            return new TrainingProgress() {
                @Override
                public void update(EpochResult result) {
                    progress.add("epoch " + result.epoch());
                }

                @Override
                public void interrupt() {
                    progress.add("interrupt");
                }
            };
        };
        List<String> pictures = new ArrayList<>();
        PictureWriter names = new PictureWriter() {
            @Override
            public void png(BufferedImage image, Path file) {
                pictures.add(file.getFileName().toString());
            }

            @Override
            public void animation(List<BufferedImage> frames, List<String> labels, Path file) {
                pictures.add(file.getFileName() + " (" + frames.size() + " frames)");
            }
        };
        List<Module> swapped = List.of(binder -> {
            binder.bind(TrainingProgress.Factory.class).toInstance(recording);
            binder.bind(PictureWriter.class).toInstance(names);
        });
        Path runs = temp.resolve("runs");

        CliRun train = nca(swapped, "train", recipe().toString(), "--set", "training.epochs=3",
                "--output", runs.toString());

        assertThat(train.status()).as(train.err()).isZero();
        assertThat(progress).containsExactly("start 0/3 lines", "epoch 0", "epoch 1", "epoch 2");
        Path run = Path.of(JSON.readTree(train.out()).get("run").asText());
        // loss.png at every checkpoint, then the last snapshot and the animation
        assertThat(pictures).contains("loss.png", "epoch-000003.png");
        assertThat(pictures.get(pictures.size() - 1)).matches("trajectory\\.gif \\([1-9][0-9]* frames\\)");
        assertThat(run.resolve("loss.png")).doesNotExist();
        assertThat(run.resolve("trajectory.gif")).doesNotExist();
        assertThat(run.resolve("checkpoints/best.nca")).exists();
    }
}
