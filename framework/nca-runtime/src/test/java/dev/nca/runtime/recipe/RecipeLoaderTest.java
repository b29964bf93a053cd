package dev.nca.runtime.recipe;

import dev.nca.core.train.LearningRateSchedule;
import dev.nca.core.model.MaskMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.Boundary;
import dev.nca.api.InvalidParameterException;
import dev.nca.api.NcaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class RecipeLoaderTest {

    static final String FILE = "recipes/gs.toml";

    static final String MINIMAL = """
            [experiment]
            name = "gray-scott-maze"
            [data]
            dataset = "gray-scott"
            [model]
            channels = 8
            observable = 2
            kernels = "id-lap"
            [training]
            epochs = 4000
            """;

    static final String FULL = """
            # every key set
            [experiment]
            name = "gs_full-1"
            seed = -7
            description = "a \\"quoted\\" description\\twith tab"
            dtype = "float64"
            [data]
            dataset = "gray-scott"
            [data.params]
            size = 64
            feed = 0.0623
            kill = 6.268e-2
            noisy = true
            weights = [1.5, 2.0, -0.0]
            names = ["a", 'b']
            nested = [[1, 2], [3]]
            [model]
            channels = 8
            observable = 2
            hidden = 32
            hidden_bias = true
            kernels = "id-lap"
            activation = "silu"
            alive_threshold = 0.1
            alive_channel = 1
            boundary = "reflect"
            update_probability = 0.5
            mask = "element"
            init_scale = 0.25
            [model.kernel_params]
            scale = 2
            [training]
            schedule = "multi-step"
            frame_spacing = 32
            epochs = 10_000
            minibatch = 16
            loss = "sliced-wasserstein"
            learning_rate = 1e-4
            learning_rate_decay = "cosine"
            final_learning_rate = 1e-6
            beta1 = 0.0
            beta2 = 0.99
            epsilon = 1e-8
            gradient_normalisation = false
            block = 8
            threads = 2
            [training.schedule_params]
            max_steps = 8
            [training.loss_params]
            projections = 32
            [output]
            directory = "out/runs"
            checkpoint_every = 50
            snapshot_every = 250
            keep_last = false
            """;

    static Recipe parse(String text) {
        return RecipeLoader.parse(text, FILE, Map.of());
    }

    static String replace(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    @Test
    void fillsDefaults() {
        Recipe r = parse(MINIMAL);
        assertThat(r.source()).isEqualTo(FILE);
        assertThat(r.experiment()).isEqualTo(new ExperimentSection("gray-scott-maze", 0, "", "float32"));
        assertThat(r.experiment().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(r.data()).isEqualTo(new DataSection("gray-scott", Map.of()));
        assertThat(r.model()).isEqualTo(new ModelSection(8, 2, 32, false, "id-lap", Map.of(), "relu",
                java.util.Optional.empty(), 1.0, MaskMode.CELL, 1.0, java.util.Optional.empty()));
        assertThat(r.training()).isEqualTo(new TrainingSection("transitions", Map.of(), OptionalInt.empty(), 4000,
                64, "euclidean", Map.of(), 1e-3, LearningRateSchedule.Kind.CONSTANT, 1e-3, 0.9, 0.999, 1e-7, true, 4, 0, "auto"));
        assertThat(r.training().learningRateSchedule()).isEqualTo(LearningRateSchedule.constant(1e-3));
        assertThat(r.output()).isEqualTo(new OutputSection("runs", 100, 500, true));
    }

    @Test
    void readsEveryKey() {
        Recipe r = parse(FULL);
        assertThat(r.experiment()).isEqualTo(new ExperimentSection("gs_full-1", -7,
                "a \"quoted\" description\twith tab", "float64"));
        assertThat(r.experiment().dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(r.data().params()).containsExactly(Map.entry("feed", 0.0623), Map.entry("kill", 0.06268),
                Map.entry("names", List.of("a", "b")), Map.entry("nested", List.of(List.of(1L, 2L), List.of(3L))),
                Map.entry("noisy", true), Map.entry("size", 64L), Map.entry("weights", List.of(1.5, 2.0, 0.0)));
        ModelSection m = r.model();
        assertThat(m.hidden()).isEqualTo(32);
        assertThat(m.hiddenBias()).isTrue();
        assertThat(m.boundary()).contains(Boundary.REFLECT);
        assertThat(m.mask()).isEqualTo(MaskMode.ELEMENT);
        assertThat(m.kernelParams()).isEqualTo(Map.of("scale", 2L));
        assertThat(m.alive()).contains(new dev.nca.core.model.AliveRule(1, 0.1));
        TrainingSection t = r.training();
        assertThat(t.frameSpacing()).hasValue(32);
        assertThat(t.epochs()).isEqualTo(10_000);
        assertThat(t.learningRate()).isEqualTo(1e-4);
        assertThat(t.learningRateSchedule())
                .isEqualTo(new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 1e-4, 1e-6, 10_000));
        assertThat(t.scheduleParams()).isEqualTo(Map.of("max_steps", 8L));
        assertThat(r.output()).isEqualTo(new OutputSection("out/runs", 50, 250, false));
        assertThat(r.dataParamsSource()).isEqualTo("recipes/gs.toml [data.params]");
        assertThat(r.where("model", "kernels")).isEqualTo("recipes/gs.toml [model] kernels");
        assertThatThrownBy(() -> r.data().params().put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aliveChannelDefaultsToTheLastObservableChannelAndMustBeAChannel() {
        assertThat(parse(replace(MINIMAL, "kernels = \"id-lap\"", "kernels = \"id-lap\"\nalive_threshold = 0.1"))
                .model().alive()).contains(new dev.nca.core.model.AliveRule(1, 0.1));
        assertThatThrownBy(() -> parse(replace(MINIMAL, "kernels = \"id-lap\"",
                "kernels = \"id-lap\"\nalive_threshold = 0.1\nalive_channel = 8")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("[model]").hasMessageContaining("alive_channel").hasMessageContaining("8");
    }

    @Test
    void learningRateDecayDefaultsItsFinalRateAndRejectsAFinalRateWithoutDecay() {
        Recipe exponential = parse(replace(MINIMAL, "epochs = 4000", "epochs = 4000\nlearning_rate_decay = \"exponential\""));
        assertThat(exponential.training().learningRateSchedule())
                .isEqualTo(new LearningRateSchedule(LearningRateSchedule.Kind.EXPONENTIAL, 1e-3, 1e-5, 4000));
        assertThatThrownBy(() -> parse(replace(MINIMAL, "epochs = 4000", "epochs = 4000\nfinal_learning_rate = 1e-5")))
                .hasMessage("recipes/gs.toml [training]: key 'final_learning_rate' has value 1.0E-5; allowed: only with"
                        + " learning_rate_decay = \"cosine\" or \"exponential\" (the decay is \"constant\")");
        assertThatThrownBy(() -> parse(replace(MINIMAL, "epochs = 4000", "epochs = 4000\nlearning_rate_decay = \"linear\"")))
                .hasMessage("recipes/gs.toml [training]: key 'learning_rate_decay' has value \"linear\"; allowed: one of"
                        + " \"constant\", \"cosine\", \"exponential\"");
        assertThatThrownBy(() -> parse(replace(FULL, "final_learning_rate = 1e-6", "final_learning_rate = 0")))
                .hasMessage("recipes/gs.toml [training]: key 'final_learning_rate' has value 0; allowed: a number > 0");
    }

    @Test
    void unknownKeySuggestsTheClosestKnownKey() {
        assertThatThrownBy(() -> parse(replace(MINIMAL, "epochs = 4000", "epoch = 4000")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("recipes/gs.toml [training]: key 'epoch' has value 4000; allowed: no such key in [training]"
                        + " (did you mean 'epochs'?); known keys: schedule, schedule_params, frame_spacing, epochs,"
                        + " minibatch, loss, loss_params, learning_rate, learning_rate_decay,"
                        + " final_learning_rate, beta1, beta2, epsilon, gradient_normalisation, block, threads, engine, tape_memory");
    }

    @Test
    void unknownTableIsAnError() {
        assertThatThrownBy(() -> parse(MINIMAL + "[trainig]\nepochs = 3\n"))
                .isInstanceOf(NcaException.class)
                .hasMessage("recipes/gs.toml: unknown table [trainig] (did you mean [training]?); allowed tables:"
                        + " [experiment], [data], [model], [training], [output]");
        assertThatThrownBy(() -> parse("seed = 3\n" + MINIMAL))
                .hasMessage("recipes/gs.toml: key 'seed' with value 3 is outside any table; allowed: keys inside the"
                        + " tables [experiment], [data], [model], [training], [output]");
        assertThatThrownBy(() -> parse(MINIMAL + "[model.extra]\nx = 1\n"))
                .hasMessageStartingWith("recipes/gs.toml [model]: key 'extra' has value {x=1}; allowed: no such key");
    }

    @Test
    void wrongTypeNamesKeyValueAndAllowed() {
        assertThatThrownBy(() -> parse(replace(MINIMAL, "channels = 8", "channels = \"8\"")))
                .hasMessage("recipes/gs.toml [model]: key 'channels' has value \"8\"; allowed: an integer in [1, 256]");
        assertThatThrownBy(() -> parse(replace(FULL, "hidden_bias = true", "hidden_bias = 1")))
                .hasMessage("recipes/gs.toml [model]: key 'hidden_bias' has value 1; allowed: true or false");
        assertThatThrownBy(() -> parse(replace(FULL, "learning_rate = 1e-4", "learning_rate = \"fast\"")))
                .hasMessage("recipes/gs.toml [training]: key 'learning_rate' has value \"fast\"; allowed: a number > 0");
        assertThatThrownBy(() -> parse(replace(FULL, "scale = 2", "scale = 1979-05-27T07:32:00Z")))
                .hasMessageStartingWith("recipes/gs.toml [model.kernel_params]: key 'scale' has value ")
                .hasMessageEndingWith("; allowed: a string, integer, finite float, boolean or an array of these"
                        + " (no tables or dates)");
        assertThatThrownBy(() -> parse(replace(FULL, "[data.params]", "[data.params.inner]")))
                .hasMessageStartingWith("recipes/gs.toml [data.params]: key 'inner'");
    }

    @Test
    void outOfRangeNamesKeyValueAndAllowed() {
        assertThatThrownBy(() -> parse(replace(MINIMAL, "channels = 8", "channels = 300")))
                .hasMessage("recipes/gs.toml [model]: key 'channels' has value 300; allowed: an integer in [1, 256]");
        assertThatThrownBy(() -> parse(replace(MINIMAL, "observable = 2", "observable = 9")))
                .hasMessage("recipes/gs.toml [model]: key 'observable' has value 9; allowed: an integer in [1, 8]");
        assertThatThrownBy(() -> parse(replace(FULL, "update_probability = 0.5", "update_probability = 0.0")))
                .hasMessage("recipes/gs.toml [model]: key 'update_probability' has value 0.0; allowed: a number in (0, 1]");
        assertThatThrownBy(() -> parse(replace(FULL, "beta2 = 0.99", "beta2 = 1")))
                .hasMessage("recipes/gs.toml [training]: key 'beta2' has value 1; allowed: a number in [0, 1)");
        assertThatThrownBy(() -> parse(replace(FULL, "frame_spacing = 32", "frame_spacing = 0")))
                .hasMessage("recipes/gs.toml [training]: key 'frame_spacing' has value 0; allowed: an integer in"
                        + " [1, 100000] (default: the dataset's hint)");
        assertThatThrownBy(() -> parse(replace(FULL, "checkpoint_every = 50", "checkpoint_every = 0")))
                .hasMessage("recipes/gs.toml [output]: key 'checkpoint_every' has value 0; allowed: an integer >= 1");
        assertThatThrownBy(() -> parse(replace(FULL, "boundary = \"reflect\"", "boundary = \"mirror\"")))
                .hasMessage("recipes/gs.toml [model]: key 'boundary' has value \"mirror\"; allowed: one of \"periodic\","
                        + " \"zero\", \"reflect\"");
        assertThatThrownBy(() -> parse(replace(FULL, "init_scale = 0.25", "init_scale = 3.0e400")))
                .hasMessage("recipes/gs.toml [model]: key 'init_scale' has value Infinity; allowed: a number > 0");
    }

    @Test
    void missingRequiredKeyIsNamed() {
        assertThatThrownBy(() -> parse(replace(MINIMAL, "epochs = 4000\n", "")))
                .hasMessage("recipes/gs.toml [training]: key 'epochs' has value (missing); allowed: an integer in"
                        + " [1, 10000000] (required)");
        assertThatThrownBy(() -> parse(replace(MINIMAL, "kernels = \"id-lap\"\n", "")))
                .hasMessage("recipes/gs.toml [model]: key 'kernels' has value (missing); allowed: an extension name:"
                        + " lower-case letters and digits joined by single dashes (required)");
    }

    @Test
    void badNamesAreRejected() {
        assertThatThrownBy(() -> parse(replace(MINIMAL, "\"gray-scott-maze\"", "\"Gray Scott\"")))
                .hasMessage("recipes/gs.toml [experiment]: key 'name' has value \"Gray Scott\"; allowed: a name of"
                        + " lower-case letters, digits, _ and -, starting with a letter or digit");
        assertThatThrownBy(() -> parse(replace(MINIMAL, "\"id-lap\"", "\"id_lap\"")))
                .hasMessage("recipes/gs.toml [model]: key 'kernels' has value \"id_lap\"; allowed: an extension name:"
                        + " lower-case letters and digits joined by single dashes");
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        assertThatThrownBy(() -> parse(replace(MINIMAL, "channels = 8", "channels = 8 8")))
                .isInstanceOf(NcaException.class)
                .hasMessageStartingWith("recipes/gs.toml: not valid TOML: ")
                .hasMessageContaining("line 6");
        assertThatThrownBy(() -> parse(replace(MINIMAL, "channels = 8", "model.channels = 8")))
                .hasMessage("recipes/gs.toml: not valid TOML: Invalid key on line 6: model.channels");
        assertThatThrownBy(() -> parse(replace(MINIMAL, "channels = 8", "channels =   # forgot")))
                .hasMessage("recipes/gs.toml line 6 [model]: key 'channels' has no value; allowed: a TOML value after '='");
    }

    @Test
    void integerOverflowIsRejectedWithItsLine() {
        assertThatThrownBy(() -> parse(replace(MINIMAL, "epochs = 4000", "epochs = 18446744073709551617")))
                .hasMessage("recipes/gs.toml line 10 [training]: key 'epochs' has value 18446744073709551617; allowed:"
                        + " integers from -9223372036854775808 to 9223372036854775807 (64 bits)");
        assertThatThrownBy(() -> parse(replace(FULL, "size = 64", "size = [1, 9_223_372_036_854_775_808]")))
                .hasMessageStartingWith("recipes/gs.toml line 10 [data.params]: key 'size' has value"
                        + " 9_223_372_036_854_775_808;");
        // the largest values pass, and digits inside strings and comments are not integers
        Recipe r = parse(replace(MINIMAL, "name = \"gray-scott-maze\"",
                "name = \"x\"\nseed = 9223372036854775807 # 99999999999999999999\ndescription = \"99999999999999999999\""));
        assertThat(r.experiment().seed()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void overridesReplaceValuesAndAddParameters() {
        Recipe r = RecipeLoader.parse(FULL, FILE, Map.of("training.epochs", "10", "model.boundary", "zero",
                "data.params.size", "128", "training.loss_params.p", "[1, 2]", "experiment.description", "\"set\"",
                "model.update_probability", "1"));
        assertThat(r.training().epochs()).isEqualTo(10);
        assertThat(r.model().boundary()).contains(Boundary.ZERO);
        assertThat(r.model().updateProbability()).isEqualTo(1.0);
        assertThat(r.data().params()).containsEntry("size", 128L).containsEntry("feed", 0.0623);
        assertThat(r.training().lossParams()).containsEntry("p", List.of(1L, 2L)).containsEntry("projections", 32L);
        assertThat(r.experiment().description()).isEqualTo("set");
        Recipe fresh = RecipeLoader.parse(MINIMAL, FILE, Map.of("output.keep_last", "false"));
        assertThat(fresh.output().keepLast()).isFalse();
    }

    @Test
    void badOverridesNameTheOptionAndTheAllowedKeys() {
        assertThatThrownBy(() -> RecipeLoader.parse(MINIMAL, FILE, Map.of("training.epoch", "10")))
                .isInstanceOf(NcaException.class)
                .hasMessage("--set training.epoch=10: [training] has no key 'epoch' (did you mean 'epochs'?); allowed"
                        + " keys: schedule, schedule_params, frame_spacing, epochs, minibatch, loss, loss_params,"
                        + " learning_rate, learning_rate_decay, final_learning_rate, beta1, beta2, epsilon,"
                        + " gradient_normalisation, block, threads, engine, tape_memory");
        assertThatThrownBy(() -> RecipeLoader.parse(MINIMAL, FILE, Map.of("trainig.epochs", "10")))
                .hasMessage("--set trainig.epochs=10: there is no table [trainig] (did you mean training?); tables:"
                        + " [experiment], [data], [model], [training], [output]");
        assertThatThrownBy(() -> RecipeLoader.parse(MINIMAL, FILE, Map.of("epochs", "10")))
                .hasMessageStartingWith("--set epochs=10: the key must be a dotted path table.key");
        assertThatThrownBy(() -> RecipeLoader.parse(MINIMAL, FILE, Map.of("data.params", "3")))
                .hasMessage("--set data.params=3: 'params' is a table; set one of its keys as data.params.<key>");
        assertThatThrownBy(() -> RecipeLoader.parse(MINIMAL, FILE, Map.of("training.epochs", "[1")))
                .hasMessageStartingWith("--set training.epochs=[1: the value [1 is not valid TOML");
        assertThatThrownBy(() -> RecipeLoader.parse(MINIMAL, FILE, Map.of("training.epochs", "99999999999999999999")))
                .hasMessageStartingWith("--set training.epochs=99999999999999999999 line 1: key 'v' has value");
        assertThatThrownBy(() -> RecipeLoader.parse(MINIMAL, FILE, Map.of("training.epochs", "0")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("recipes/gs.toml [training] (--set training.epochs=0): key 'epochs' has value 0; allowed:"
                        + " an integer in [1, 10000000]");
        assertThatThrownBy(() -> RecipeLoader.parse(MINIMAL, FILE, Map.of("training.epochs", "many")))
                .hasMessage("recipes/gs.toml [training] (--set training.epochs=many): key 'epochs' has value \"many\";"
                        + " allowed: an integer in [1, 10000000]");
    }

    @Test
    void loadsFromAFileAndReportsAMissingOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.toml");
        Files.writeString(file, MINIMAL);
        assertThat(RecipeLoader.load(file, Map.of()).source()).isEqualTo(file.toString());
        Path missing = dir.resolve("nope.toml");
        assertThatThrownBy(() -> RecipeLoader.load(missing, Map.of()))
                .isInstanceOf(NcaException.class)
                .hasMessage("recipe file " + missing + " does not exist");
    }
}
