package dev.nca.runtime.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.NcaException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Memory sizes as recipes write them, and the recipe key that uses them. */
class MemorySizeTest {

    @Test
    void parsesBinaryUnits() {
        assertThat(MemorySize.parse("unlimited")).isZero();
        assertThat(MemorySize.parse("65536")).isEqualTo(65536L);
        assertThat(MemorySize.parse("512m")).isEqualTo(512L << 20);
        assertThat(MemorySize.parse("2G")).isEqualTo(2L << 30);
        assertThat(MemorySize.parse("1.5GiB")).isEqualTo(3L << 29);
        assertThat(MemorySize.parse("64 kb")).isEqualTo(64L << 10);
    }

    @Test
    void rejectsWhatIsNotASize() {
        for (String bad : new String[] {"", "two gigabytes", "-1g", "0", "1x", "0.1"}) {
            assertThatThrownBy(() -> MemorySize.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a size such as");
        }
    }

    @Test
    void recipeKeyTapeMemory() {
        Recipe unlimited = RecipeLoader.parse(RecipeLoaderTest.MINIMAL, "r.toml", Map.of());
        assertThat(unlimited.training().tapeMemory()).isZero();
        Recipe budget = RecipeLoader.parse(RecipeLoaderTest.MINIMAL + "tape_memory = \"2g\"\n", "r.toml", Map.of());
        assertThat(budget.training().tapeMemory()).isEqualTo(2L << 30);
        Recipe overridden = RecipeLoader.parse(RecipeLoaderTest.MINIMAL, "r.toml",
                Map.of("training.tape_memory", "512m"));
        assertThat(overridden.training().tapeMemory()).isEqualTo(512L << 20);
        Recipe written = RecipeLoader.parse(RecipeWriter.toToml(budget), "written.toml", Map.of());
        assertThat(written.training()).isEqualTo(budget.training());
        assertThatThrownBy(() -> RecipeLoader.parse(RecipeLoaderTest.MINIMAL + "tape_memory = \"lots\"\n", "r.toml",
                Map.of())).isInstanceOf(NcaException.class).hasMessageContaining("tape_memory")
                .hasMessageContaining("r.toml");
    }
}
