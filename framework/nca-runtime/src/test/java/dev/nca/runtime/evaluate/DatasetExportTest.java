package dev.nca.runtime.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.NcaException;
import dev.nca.api.Split;
import dev.nca.support.io.Npy;
import dev.nca.runtime.experiment.ExperimentPlan;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.runtime.recipe.Recipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class DatasetExportTest {

    @TempDir
    Path temp;

    private final Extensions extensions = TestExtensions.extensions();

    @Test
    void writesTheRequestedSplitAsNpy() throws IOException {
        Path recipeFile = Files.writeString(temp.resolve("ramp.toml"), TestExtensions.RECIPE);
        ExperimentPlan plan = ExperimentPlan.resolve(DatasetExport.loadRecipe(recipeFile), extensions, TestExtensions.engines());
        Path out = temp.resolve("out/ramp.npy");

        DatasetExport.Result result = DatasetExport.export(plan, Split.HELD_OUT, OptionalInt.of(4), out);

        assertThat(result.shape()).containsExactly(2, 4, 2, 3, 3);
        assertThat(result.dtype()).isEqualTo("float64");
        assertThat(result.channelNames()).containsExactly("p", "q");
        assertThat(result.frameSpacing()).isEqualTo(2);
        INDArray read = Npy.read(out);
        assertThat(read.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(read.shape()).containsExactly(2, 4, 2, 3, 3);
        // test-ramp: frame t = frame 0 + 0.5 t, frame 0 uniform in [0, 1)
        for (int r = 0; r < 2; r++) {
            for (int t = 0; t < 4; t++) {
                double first = read.getDouble(r, 0, 1, 2, 0);
                assertThat(first).isBetween(0.0, 1.0);
                assertThat(read.getDouble(r, t, 1, 2, 0)).isCloseTo(first + 0.5 * t, within(1e-12));
            }
        }
        INDArray train = Npy.read(DatasetExport.export(plan, Split.TRAIN, OptionalInt.empty(),
                temp.resolve("train.npy")).file());
        assertThat(train.shape()).containsExactly(2, 3, 2, 3, 3);
        assertThat(train.getDouble(0, 0, 0, 0, 0)).isNotEqualTo(read.getDouble(0, 0, 0, 0, 0));
    }

    @Test
    void readsTheRecipeOfACheckpoint() {
        Path checkpoint = temp.resolve("best.nca");
        CheckpointModelTest.writeCheckpoint(checkpoint, TestExtensions.RECIPE, extensions);

        Recipe recipe = DatasetExport.loadRecipe(checkpoint);

        assertThat(recipe.data().dataset()).isEqualTo("test-ramp");
        assertThat(recipe.source()).isEqualTo(checkpoint + " (recipe)");
    }

    @Test
    void missingSourceIsAClearError() {
        assertThatThrownBy(() -> DatasetExport.loadRecipe(temp.resolve("gone.toml")))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining("gone.toml does not exist")
                .hasMessageContaining("recipe (.toml) or a checkpoint (.nca)");
    }
}
