package dev.nca.runtime.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.NcaException;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.CheckpointIO;
import dev.nca.core.model.ModelSpec;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.runtime.experiment.ExperimentPlan;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.runtime.recipe.RecipeLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.indexing.NDArrayIndex;

class CheckpointModelTest {

    @TempDir
    Path temp;

    private final Extensions extensions = TestExtensions.extensions();

    /** Writes a checkpoint of a randomly initialised model for {@code recipe}; returns its parameters. */
    static NcaParameters writeCheckpoint(Path file, String recipe, Extensions extensions) {
        ExperimentPlan plan = ExperimentPlan.resolve(RecipeLoader.parse(recipe, "test.toml", Map.of()), extensions, TestExtensions.engines());
        NcaConfig config = plan.modelConfig(plan.trainingData());
        NcaParameters params = NcaParameters.initialise(config, DataType.DOUBLE, new SplittableRandom(5), 1.0);
        params.v().assign(0.125);
        CheckpointIO.write(file, Checkpoint.of(ModelSpec.of(config), params, null, 3, 0.5, 0.25, recipe, null));
        return params;
    }

    @Test
    void rebuildsModelAndDatasetFromTheCheckpointAlone() {
        Path file = temp.resolve("run-1/checkpoints/best.nca");
        NcaParameters written = writeCheckpoint(file, TestExtensions.RECIPE, extensions);

        CheckpointModel model = CheckpointModel.load(file, extensions, TestExtensions.engines());

        assertThat(model.config().channels()).isEqualTo(3);
        assertThat(model.config().observable()).isEqualTo(2);
        assertThat(model.config().hidden()).isEqualTo(4);
        assertThat(model.config().activation().name()).isEqualTo("test-linear");
        assertThat(model.config().kernels().names()).containsExactly("identity");
        assertThat(model.dataType()).isEqualTo(DataType.DOUBLE);
        for (String name : List.of(NcaParameters.W2, NcaParameters.W1, NcaParameters.V)) {
            assertThat(model.parameters().tensors().get(name)).isEqualTo(written.tensors().get(name));
        }
        assertThat(model.plan().dataset().entry().name()).isEqualTo("test-ramp");
        assertThat(model.frameSpacing()).isEqualTo(2);
        assertThat(model.runDirectory()).isEqualTo(temp.resolve("run-1").toAbsolutePath());
        assertThat(model.seed("a")).isEqualTo(model.seed("a")).isNotEqualTo(model.seed("b"));
    }

    @Test
    void generatesSplitsOfTheRequestedLength() {
        Path file = temp.resolve("best.nca");
        writeCheckpoint(file, TestExtensions.RECIPE, extensions);
        CheckpointModel model = CheckpointModel.load(file, extensions, TestExtensions.engines());

        Trajectories heldOut = model.generate(Split.HELD_OUT, OptionalInt.of(5));
        Trajectories train = model.generate(Split.TRAIN, OptionalInt.empty());

        assertThat(heldOut.frames().shape()).containsExactly(2, 5, 2, 3, 3);
        assertThat(train.frames().shape()).containsExactly(2, 3, 2, 3, 3);
        assertThat(heldOut.frames().get(NDArrayIndex.all(), NDArrayIndex.point(0)))
                .isNotEqualTo(train.frames().get(NDArrayIndex.all(), NDArrayIndex.point(0)));
        // a checkpoint outside a checkpoints/ folder: results go next to it
        assertThat(model.runDirectory()).isEqualTo(temp.toAbsolutePath());
    }

    @Test
    void frameSpacingFallsBackToTheDatasetHint() {
        Path file = temp.resolve("best.nca");
        writeCheckpoint(file, TestExtensions.RECIPE.replace("frame_spacing = 2\n", ""), extensions);

        assertThat(CheckpointModel.load(file, extensions, TestExtensions.engines()).frameSpacing()).isEqualTo(2);
    }

    @Test
    void checkpointWithoutRecipeIsAClearError() {
        Path file = temp.resolve("bare.nca");
        NcaParameters params = writeCheckpoint(temp.resolve("full.nca"), TestExtensions.RECIPE, extensions);
        Checkpoint full = CheckpointIO.read(temp.resolve("full.nca"));
        CheckpointIO.write(file, Checkpoint.of(full.spec(), params, null, 0, 1, 1, null, null));

        assertThatThrownBy(() -> CheckpointModel.load(file, extensions, TestExtensions.engines()))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining("bare.nca holds no recipe");
    }

    @Test
    void missingActivationNamesTheCheckpoint() {
        Path file = temp.resolve("best.nca");
        writeCheckpoint(file, TestExtensions.RECIPE, extensions);
        Checkpoint cp = CheckpointIO.read(file);
        ModelSpec s = cp.spec();
        ModelSpec renamed = new ModelSpec(s.channels(), s.observable(), s.hidden(), s.hiddenBias(), s.kernels(),
                "swish", s.boundary(), s.updateProbability(), s.maskMode());
        Path other = temp.resolve("other.nca");
        CheckpointIO.write(other, new Checkpoint(renamed, cp.parameters(), null, 0, 1, 1, cp.recipe(), null));

        assertThatThrownBy(() -> CheckpointModel.load(other, extensions, TestExtensions.engines()))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining("other.nca (model activation)")
                .hasMessageContaining("swish");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> CheckpointModel.load(temp.resolve("nope.nca"), extensions, TestExtensions.engines()))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining("nope.nca does not exist");
    }
}
