package dev.nca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code nca export web|onnx} on the command line: option checks and the error for a model the
 * exports cannot express (the test plugin's activation). The exports themselves are tested in
 * nca-export, in headless Chromium and ONNX Runtime.
 */
class ExportCommandTest extends EvalPluginCommandTest {

    private Path checkpoint() {
        return EvalTestPlugin.writeDriftCheckpoint(temp.resolve("run/checkpoints/best.nca"), new double[] {0, 0, 0.25});
    }

    @Test
    void anActivationTheExportsCannotExpressIsAUserErrorAndWritesNothing() {
        for (String kind : new String[] {"web", "onnx"}) {
            Path out = temp.resolve("model." + (kind.equals("web") ? "html" : "onnx"));

            CliRun run = nca("export", kind, checkpoint().toString(), "--out", out.toString());

            assertThat(run.status()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("cannot export activation 'eval-linear'").contains("relu, linear, tanh");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void theOutputNeedsTheRightExtensionAndIsNeverReplacedUnasked() throws IOException {
        CliRun wrong = nca("export", "onnx", checkpoint().toString(), "--out", temp.resolve("model.bin").toString());
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.err()).contains("must end in .onnx");

        Path existing = Files.writeString(temp.resolve("page.html"), "finished work");
        CliRun kept = nca("export", "web", checkpoint().toString(), "--out", existing.toString());
        assertThat(kept.status()).isEqualTo(2);
        assertThat(kept.err()).contains("the file exists").contains("--force");
        assertThat(Files.readString(existing)).isEqualTo("finished work");
    }

    @Test
    void exportWithoutASubcommandListsThem() {
        CliRun run = nca("export");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("web").contains("onnx");
    }
}
