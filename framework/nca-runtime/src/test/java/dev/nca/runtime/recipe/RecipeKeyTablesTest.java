package dev.nca.runtime.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The key tables of docs/recipes.md are generated from {@link RecipeSchema}; this test fails when
 * they are out of date, and rewrites them when run with {@code -Dnca.docs.update=true}.
 */
class RecipeKeyTablesTest {

    private static final String REGENERATE = "nice -n 10 mvn -B -o verify -pl framework/nca-runtime -am"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dtest=RecipeKeyTablesTest -Dnca.docs.update=true";

    /** docs/recipes.md, found from the module folder the tests run in. */
    private static Path recipesDoc() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/recipes.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a folder above the working directory holding docs/recipes.md").isNotNull();
        return dir.resolve("docs/recipes.md");
    }

    @Test
    void docsTablesAreGeneratedFromTheSchema() throws IOException {
        Path doc = recipesDoc();
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        String generated = RecipeKeyTables.update(text);
        if (!generated.equals(text) && Boolean.getBoolean("nca.docs.update")) {
            Files.writeString(doc, generated, StandardCharsets.UTF_8);
            text = generated;
        }
        assertThat(text.lines().toList()).as("docs/recipes.md key tables are out of date with RecipeSchema;"
                + " regenerate with: " + REGENERATE).containsExactlyElementsOf(generated.lines().toList());
    }

    @Test
    void everyKeyOfTheSchemaHasARowWithItsDefaultAndRange() {
        String model = RecipeKeyTables.markdown("model");
        assertThat(model.lines().skip(2)).hasSize(RecipeSchema.BY_TABLE.get("model").size());
        assertThat(model).contains("| `channels` | integer | required | 1..256 |")
                .contains("| `observable` | integer | required | 1..`channels` |")
                .contains("| `hidden` | integer | `4 * channels` | 1..4096 |")
                .contains("| `update_probability` | number | `1.0` | (0, 1] |")
                .contains("| `boundary` | string | the dataset's boundary, else `\"periodic\"` |")
                .contains("| `kernel_params` | table `[model.kernel_params]` | empty |");
        assertThat(RecipeKeyTables.markdown("training")).contains("| `epsilon` | number | `1e-7` | > 0 |")
                .contains("| `beta2` | number | `0.999` | [0, 1) |");
        assertThat(RecipeKeyTables.markdown("output")).contains("| `checkpoint_every` | integer | `100` | >= 1 |");
    }

    @Test
    void missingMarkersAreReported() {
        assertThatThrownBy(() -> RecipeKeyTables.update("# no tables\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[experiment, data, model, training, output]");
    }
}
