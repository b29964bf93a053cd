package dev.nca.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.distribution.Launcher.Result;
import dev.nca.runtime.recipe.Recipe;
import dev.nca.runtime.recipe.RecipeLoader;
import dev.nca.runtime.recipe.RecipeWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint written before a change still loads: {@code src/test/compat/compat-gray-scott-last.nca}
 * was written by {@code nca train} of {@code src/test/compat/compat-gray-scott.toml} (2 epochs of a 4-channel
 * model on an 8 x 8 Gray-Scott lattice; parameters, optimiser moments and the resolved recipe) with
 * the installation built from commit 4ec39e4, main before the recipe schema (issue #13). Its
 * evaluation errors below were printed by {@code nca evaluate --steps 64 --at 32,64} of that same
 * installation. Do not regenerate the file when the format changes: it stands for the checkpoints
 * users already have.
 */
class CheckpointCompatibilityTest {

    private static final Path COMPAT = Path.of(System.getProperty("nca.test.compat"));
    private static final Path DIST = Path.of(System.getProperty("nca.dist.directory"));
    private static final String CHECKPOINT = "compat-gray-scott-last.nca";

    /** {@code error} of {@code nca evaluate --steps 64 --at 32,64} at commit 4ec39e4, steps 0, 8, ..., 64. */
    private static final double[] ERROR_AT_4EC39E4 = {0.0, 2.358732411054987, 2.806714817134731, 3.025499648549875,
        3.208053616016911, 3.3862787950655493, 3.5277563147309086, 3.622842767298218, 3.7227177680140313};

    @TempDir
    Path temp;

    @Test
    void theRecipeInsideResolvesAndIsWrittenBackUnchanged() throws IOException {
        String stored;
        try (ZipFile zip = new ZipFile(COMPAT.resolve(CHECKPOINT).toFile());
             InputStream json = zip.getInputStream(zip.getEntry("checkpoint.json"))) {
            stored = new ObjectMapper().readTree(json).get("recipe").asText();
        }

        Recipe recipe = RecipeLoader.parse(stored, CHECKPOINT + " (recipe)", Map.of());

        assertThat(recipe.experiment().name()).isEqualTo("compat-gray-scott");
        assertThat(recipe.model().hidden()).isEqualTo(8);
        assertThat(recipe.training().frameSpacing()).hasValue(8);
        // the resolved recipe written now is the one written then (apart from the header naming its source)
        assertThat(withoutFirstLine(RecipeWriter.toToml(recipe))).isEqualTo(withoutFirstLine(stored));
    }

    @Test
    void evaluatesAsItDidWhenItWasWritten() throws Exception {
        Path checkpoint = temp.resolve(CHECKPOINT);
        Files.copy(COMPAT.resolve(CHECKPOINT), checkpoint);

        Result result = Launcher.run(temp, 180, DIST.resolve("bin/nca"), Map.of(), "evaluate", "-q", "--steps", "64",
                "--at", "32,64", "--out", temp.resolve("evaluation").toString(), checkpoint.toString());

        assertThat(result.status()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("dataset").asText()).isEqualTo("gray-scott");
        assertThat(json.get("frame_spacing").asInt()).isEqualTo(8);
        JsonNode error = json.get("error");
        assertThat(error).hasSize(ERROR_AT_4EC39E4.length);
        for (int i = 0; i < ERROR_AT_4EC39E4.length; i++) {
            // float32 rollouts: the same numbers up to rounding that BLAS kernels of other CPUs may change
            assertThat(error.get(i).asDouble()).as("error at step %d", 8 * i)
                    .isCloseTo(ERROR_AT_4EC39E4[i], within(1e-4 * (1 + ERROR_AT_4EC39E4[i])));
        }
        assertThat(temp.resolve("evaluation/evaluation.json")).isRegularFile();
    }

    private static String withoutFirstLine(String text) {
        return text.substring(text.indexOf('\n') + 1);
    }
}
