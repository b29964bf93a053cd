package dev.nca.runtime.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.NcaException;
import dev.nca.api.Split;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepLoaderTest {

    @TempDir
    Path dir;

    private SweepSpec load(String text) throws Exception {
        return SweepLoader.load(SweepFixtures.write(dir, "study", text));
    }

    private void assertError(String text, String... parts) {
        assertThatThrownBy(() -> load(text)).isInstanceOf(NcaException.class).message().contains(parts);
    }

    @Test
    void readsEveryTable() throws Exception {
        SweepSpec spec = load("""
                [sweep]
                recipe = "../base.toml"
                combine = "zip"
                seeds = [1, 2]
                set = ["training.epochs=3", "model.hidden = 16"]
                [axes.t]
                keys = ["data.params.save_every", "training.frame_spacing"]
                values = [8, 16]
                [axes.lr]
                key = "training.learning_rate"
                values = [1e-3, 2e-3]
                [evaluation]
                steps = 256
                at = [128, 256]
                threshold = 0.5
                from = "train"
                set = ["data.params.noise=0", "data.params.size = 64"]
                [slurm]
                partition = "short"
                time = "01:00:00"
                mem = "4G"
                cpus = 2
                throttle = 3
                setup = ["module load java/17"]
                """);

        assertThat(spec.name()).isEqualTo("study");
        assertThat(spec.recipe()).isEqualTo(dir.resolve("base.toml").toAbsolutePath().normalize());
        assertThat(spec.zip()).isTrue();
        assertThat(spec.seeds()).containsExactly(1L, 2L);
        assertThat(spec.fixed()).containsExactly(java.util.Map.entry("training.epochs", "3"),
                java.util.Map.entry("model.hidden", " 16"));
        assertThat(spec.axes()).extracting(Axis::name).containsExactly("lr", "t");
        assertThat(spec.axes().get(1).keys()).containsExactly("data.params.save_every", "training.frame_spacing");
        assertThat(spec.axes().get(1).values()).containsExactly(8L, 16L);
        EvaluationSpec e = spec.evaluation().orElseThrow();
        assertThat(e.steps()).isEqualTo(256);
        assertThat(e.at()).containsExactly(128, 256);
        assertThat(e.threshold()).hasValue(0.5);
        assertThat(e.split()).isEqualTo(Split.TRAIN);
        assertThat(e.data()).containsExactly(java.util.Map.entry("data.params.noise", "0"),
                java.util.Map.entry("data.params.size", "64"));
        assertThat(spec.slurm().partition()).hasValue("short");
        assertThat(spec.slurm().cpus()).isEqualTo(2);
        assertThat(spec.slurm().throttle()).hasValue(3);
        assertThat(spec.slurm().setup()).containsExactly("module load java/17");
    }

    @Test
    void defaultsNameCombineAndEvaluation() throws Exception {
        SweepSpec spec = load("""
                [sweep]
                recipe = "../base.toml"
                [axes.c]
                key = "model.channels"
                values = [4, 8]
                """);

        assertThat(spec.zip()).isFalse();
        assertThat(spec.seeds()).isEmpty();
        assertThat(spec.output()).isEqualTo("sweeps");
        assertThat(spec.evaluation()).isEmpty();
        assertThat(spec.slurm()).isEqualTo(SlurmSettings.defaults());
    }

    @Test
    void errorsNameTheFileTableAndKey() {
        String file = dir.resolve("studies/study.toml").toString();
        assertError("[sweep]\nrecipe = \"../base.toml\"\nseed = [1, 2]\n", file, "[sweep]", "seed",
                "did you mean 'seeds'");
        assertError("[sweep]\nrecipe = \"../base.toml\"\nseeds = [1, 1]\n", file, "[sweep]", "seeds", "distinct");
        assertError("[sweep]\nrecipe = \"../base.toml\"\n[axis.t]\nkey = \"a.b\"\nvalues = [1]\n", file, "'axis'",
                "did you mean 'axes'");
        assertError("[sweep]\nrecipe = \"../base.toml\"\n[axes.t]\nvalues = [1]\n", file, "[axes.t]", "keys",
                "exactly one of them");
        assertError("[sweep]\nrecipe = \"../base.toml\"\n[axes.t]\nkey = \"a.b\"\nvalues = []\n", file,
                "[axes.t]", "values");
        assertError("[sweep]\nrecipe = \"../base.toml\"\n[axes.T]\nkey = \"a.b\"\nvalues = [1]\n", file,
                "[axes.T]");
        assertError("[sweep]\nrecipe = \"../base.toml\"\ncombine = \"zip\"\n[axes.a]\nkey = \"a.b\"\nvalues = [1]\n"
                + "[axes.b]\nkey = \"c.d\"\nvalues = [1, 2]\n", file, "zip", "[axes.b] has 2");
        assertError("[sweep]\nrecipe = \"../base.toml\"\n[axes.t]\nkey = \"a.b\"\nvalues = [1]\n[evaluation]\n"
                + "steps = 64\nat = [128]\n", file, "[evaluation]", "at");
        assertError("[sweep]\nrecipe = \"../base.toml\"\n[axes.t]\nkey = \"a.b\"\nvalues = [1]\n[evaluation]\n"
                + "set = [\"model.hidden=3\"]\n", file, "[evaluation]", "set", "data.params.KEY=VALUE");
        assertError("[sweep]\nrecipe = \"../base.toml\"\n[axes.t]\nkey = \"a.b\"\nvalues = [1]\n[slurm]\n"
                + "mem = \"lots\"\n", file, "[slurm]", "mem");
        assertError("[sweep]\nrecipe = \"../base.toml\"\n", file, "at least one [axes.NAME]");
        assertError("[sweep]\nrecipe = \"../base.toml\"\nseeds = [99999999999999999999]\n", file, "line 3",
                "64 bits");
        assertError("[sweep]\nrecipe = \n", file, "line 2", "has no value");
    }

    @Test
    void aMissingFileIsAUserError() {
        assertThatThrownBy(() -> SweepLoader.load(dir.resolve("none.toml"))).isInstanceOf(NcaException.class)
                .hasMessageContaining("none.toml does not exist");
    }

    @Test
    void seedsAloneMakeASweep() throws Exception {
        SweepSpec spec = load("[sweep]\nrecipe = \"../base.toml\"\nseeds = [1, 2, 3]\n");
        assertThat(spec.axes()).isEmpty();
        assertThat(spec.seeds()).isEqualTo(List.of(1L, 2L, 3L));
    }
}
