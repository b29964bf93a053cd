package dev.nca.runtime.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The resolved {@code recipe.toml} written from the schema is byte for byte what the hand-written
 * writer wrote before the schema existed: the {@code *.resolved.toml} resources were written by
 * {@code RecipeWriter} at commit 4ec39e4 (main before the schema) from the {@code *.toml} next to
 * them. {@code full.toml} sets every framework key to a non-default value (alive masking, a
 * learning-rate decay, a tape budget, all four parameter tables); {@code minimal.toml} sets only
 * the required keys.
 */
class RecipeWriterCompatibilityTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = RecipeWriterCompatibilityTest.class.getResourceAsStream("/recipe-compat/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "full"})
    void writesWhatTheWriterBeforeTheSchemaWrote(String name) throws IOException {
        Recipe recipe = RecipeLoader.parse(resource(name + ".toml"), name + ".toml", Map.of());

        String written = RecipeWriter.toToml(recipe);

        assertThat(written).isEqualTo(resource(name + ".resolved.toml"));
        assertThat(RecipeLoader.parse(written, name + ".toml", Map.of())).isEqualTo(recipe);
    }
}
