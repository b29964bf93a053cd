package dev.nca.runtime.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipeWriterTest {

    @Test
    void fullRecipeRoundTrips(@TempDir Path dir) throws IOException {
        Recipe original = RecipeLoader.parse(RecipeLoaderTest.FULL, "a.toml",
                Map.of("data.params.tiny", "1e-300", "training.epochs", "12"));
        Path file = dir.resolve("resolved.toml");
        RecipeWriter.write(original, file);
        Recipe back = RecipeLoader.load(file, Map.of());
        assertThat(back.source()).isEqualTo(file.toString());
        assertThat(new Recipe("a.toml", back.experiment(), back.data(), back.model(), back.training(), back.output()))
                .isEqualTo(original);
        assertThat(back.data().params().get("tiny")).isEqualTo(1e-300);
    }

    @Test
    void minimalRecipeRoundTripsWithDefaultsWritten() {
        Recipe original = RecipeLoader.parse(RecipeLoaderTest.MINIMAL, "m.toml", Map.of());
        String text = RecipeWriter.toToml(original);
        assertThat(text).contains("hidden = 32\n", "activation = \"relu\"\n", "epsilon = 0.0000001\n",
                "learning_rate = 0.001\n", "directory = \"runs\"\n")
                .doesNotContain("boundary", "frame_spacing", "[data.params]");
        assertThat(RecipeLoader.parse(text, "m.toml", Map.of())).isEqualTo(original);
    }

    @Test
    void writesValuesAsTomlReadsThem() {
        assertThat(RecipeWriter.value("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"");
        assertThat(RecipeWriter.value(1e22)).isEqualTo("10000000000000000000000.0");
        assertThat(RecipeWriter.value(-2.5e-5)).isEqualTo("-0.000025");
        assertThat(RecipeWriter.value(List.of(List.of(1L), List.of()))).isEqualTo("[[1], []]");
    }
}
