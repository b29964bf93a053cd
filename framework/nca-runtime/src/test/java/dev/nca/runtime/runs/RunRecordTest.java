package dev.nca.runtime.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.NcaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RunRecord} and {@link RunFolders} on run folders written by hand, with values worked out by hand. */
class RunRecordTest {

    @TempDir
    Path temp;

    private Path runFolder(Path dir, String dataset, String provenance, String... metrics) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("recipe.toml"), "[experiment]\nname = \"x\"\n[data]\ndataset = \"" + dataset
                + "\"\n");
        Files.writeString(dir.resolve("metrics.jsonl"), String.join("\n", metrics) + "\n");
        if (provenance != null) {
            Files.writeString(dir.resolve("provenance.json"), provenance);
        }
        return dir;
    }

    @Test
    void summarisesLossesSecondsValidationAndOverrides() throws IOException {
        Path dir = runFolder(temp.resolve("a"), "gray-scott",
                "{\"seed\": 1, \"overrides\": {\"training.epochs\": \"3\", \"model.hidden\": \"16\"}}",
                "{\"epoch\":0,\"loss\":0.5,\"seconds\":1.5,\"do_nothing_loss\":0.4,\"validation\":{\"loss\":0.45}}",
                "{\"epoch\":1,\"loss\":0.2,\"seconds\":1.0}",
                "{\"epoch\":2,\"loss\":0.3,\"seconds\":0.5,\"validation\":0.25}");

        RunRecord r = RunRecord.read(dir);

        assertThat(r.name()).isEqualTo("a");
        assertThat(r.dataset()).isEqualTo("gray-scott");
        assertThat(r.overrides()).containsExactly(Map.entry("training.epochs", "3"), Map.entry("model.hidden", "16"));
        assertThat(r.epochs()).isEqualTo(3);
        assertThat(r.seconds()).isEqualTo(3.0);
        assertThat(r.doNothingLoss()).isEqualTo(0.4);
        assertThat(r.finalLoss()).isEqualTo(0.3);
        assertThat(r.bestLoss()).isEqualTo(0.2);
        assertThat(r.validation()).isEqualTo(0.25);
        assertThat(r.diverged()).isFalse();
        assertThat(r.lossCurve()[0]).containsExactly(0, 1, 2);
        assertThat(r.lossCurve()[1]).containsExactly(0.5, 0.2, 0.3);
        assertThat(r.validationCurve()[0]).containsExactly(0, 2);
        assertThat(r.validationCurve()[1]).containsExactly(0.45, 0.25);
    }

    @Test
    void divergedRunWithoutProvenanceHasNoOverridesAndNoValidation() throws IOException {
        Path dir = runFolder(temp.resolve("b"), "life", null,
                "{\"epoch\":0,\"loss\":0.5,\"seconds\":1,\"do_nothing_loss\":0.6}",
                "{\"epoch\":1,\"loss\":null,\"seconds\":1}",
                "{\"epoch\":2,\"diverged\":\"training diverged at epoch 2\"}");

        RunRecord r = RunRecord.read(dir);

        assertThat(r.overrides()).isEmpty();
        assertThat(r.epochs()).isEqualTo(2);
        assertThat(r.finalLoss()).isNaN();
        assertThat(r.bestLoss()).isEqualTo(0.5);
        assertThat(r.validation()).isNaN();
        assertThat(r.diverged()).isTrue();
    }

    @Test
    void findsRunFoldersAtAnyDepthAndNamesBadInput() throws IOException {
        Path sweep = temp.resolve("sweep");
        Path one = runFolder(sweep.resolve("lr-1/run-1"), "d", null, "{\"epoch\":0,\"loss\":1}");
        Path two = runFolder(sweep.resolve("lr-2/run-1"), "d", null, "{\"epoch\":0,\"loss\":1}");
        Files.createDirectories(sweep.resolve("lr-3/empty"));

        assertThat(RunFolders.findIn(sweep)).containsExactly(one.toAbsolutePath(), two.toAbsolutePath());
        assertThat(RunFolders.find(List.of(one, sweep))).containsExactly(one.toAbsolutePath(), two.toAbsolutePath());
        assertThatThrownBy(() -> RunFolders.findIn(sweep.resolve("lr-3"))).isInstanceOf(NcaException.class)
                .hasMessageContaining("lr-3 holds no run folder");
        assertThatThrownBy(() -> RunFolders.findIn(temp.resolve("missing"))).isInstanceOf(NcaException.class)
                .hasMessageContaining("is not a folder");
        Files.writeString(two.resolve("metrics.jsonl"), "{\"epoch\":0,\"loss\":1}\n{oops\n");
        assertThatThrownBy(() -> RunRecord.read(two)).isInstanceOf(NcaException.class)
                .hasMessageContaining("metrics.jsonl line 2 is not JSON");
    }
}
