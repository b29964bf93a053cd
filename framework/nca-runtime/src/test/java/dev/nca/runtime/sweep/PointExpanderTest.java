package dev.nca.runtime.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.NcaException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointExpanderTest {

    @TempDir
    Path dir;

    private List<SweepPoint> expand(String text) throws Exception {
        return PointExpander.expand(SweepLoader.load(SweepFixtures.write(dir, "study", text)));
    }

    @Test
    void gridVariesTheLastAxisFastestAndAppliesEveryKeyAndSeed() throws Exception {
        List<SweepPoint> points = expand("""
                [sweep]
                recipe = "../base.toml"
                seeds = [1, 2]
                set = ["training.epochs=3"]
                [axes.c]
                key = "model.channels"
                values = [6, 8]
                [axes.t]
                keys = ["data.params.save_every", "training.frame_spacing"]
                values = [4, 16]
                """);

        assertThat(points).extracting(SweepPoint::name).containsExactly(
                "c-6_t-4_seed-1", "c-6_t-4_seed-2", "c-6_t-16_seed-1", "c-6_t-16_seed-2",
                "c-8_t-4_seed-1", "c-8_t-4_seed-2", "c-8_t-16_seed-1", "c-8_t-16_seed-2");
        SweepPoint p = points.get(3);
        assertThat(p.values()).containsExactly(java.util.Map.entry("c", 6L), java.util.Map.entry("t", 16L));
        assertThat(p.seed()).isEqualTo(2);
        assertThat(p.recipe().model().channels()).isEqualTo(6);
        assertThat(p.recipe().training().frameSpacing()).hasValue(16);
        assertThat(p.recipe().data().params()).containsEntry("save_every", 16L).containsEntry("size", 16L);
        assertThat(p.recipe().training().epochs()).isEqualTo(3);
    }

    @Test
    void zipPairsTheAxesAndWithoutSeedsKeepsTheRecipeSeed() throws Exception {
        List<SweepPoint> points = expand("""
                [sweep]
                recipe = "../base.toml"
                combine = "zip"
                [axes.note]
                key = "experiment.description"
                values = ["plain", "Noisy Data/2"]
                [axes.xi]
                key = "data.params.noise"
                values = [0.0, 0.25]
                """);

        assertThat(points).extracting(SweepPoint::name).containsExactly("note-plain_xi-0.0",
                "note-noisy-data-2_xi-0.25");
        assertThat(points).allMatch(p -> p.seed() == 5);
        assertThat(points.get(1).recipe().data().params()).containsEntry("noise", 0.25);
    }

    @Test
    void namesCannotLeaveTheSweepFolder() throws Exception {
        List<SweepPoint> points = expand("""
                [sweep]
                recipe = "../base.toml"
                [axes.d]
                key = "experiment.description"
                values = ["../../etc", "/", "a b"]
                """);

        assertThat(points).extracting(SweepPoint::name).containsExactly("d-..-..-etc", "d--", "d-a-b");
        assertThat(points).allMatch(p -> !p.name().contains("/") && !p.name().contains("\\"));
    }

    @Test
    void valuesThatNameAlikeAreRejected() {
        assertThatThrownBy(() -> expand("""
                [sweep]
                recipe = "../base.toml"
                [axes.d]
                key = "experiment.description"
                values = ["a b", "a/b"]
                """)).isInstanceOf(NcaException.class).hasMessageContaining("same name 'd-a-b'");
    }

    @Test
    void badKeysAndValuesNameTheSweepFileAndPoint() {
        String file = dir.resolve("studies/study.toml").toString();
        assertThatThrownBy(() -> expand("""
                [sweep]
                recipe = "../base.toml"
                [axes.c]
                key = "model.chanels"
                values = [4]
                """)).isInstanceOf(NcaException.class).hasMessageContaining(file + " (point c-4): model.chanels=4")
                .hasMessageContaining("did you mean 'channels'");
        assertThatThrownBy(() -> expand("""
                [sweep]
                recipe = "../base.toml"
                [axes.c]
                key = "model.channels"
                values = [4, 0]
                """)).isInstanceOf(NcaException.class).hasMessageContaining("point c-0").hasMessageContaining(
                "channels");
        assertThatThrownBy(() -> expand("""
                [sweep]
                recipe = "../base.toml"
                seeds = [1, 2]
                [axes.s]
                key = "experiment.seed"
                values = [4]
                """)).isInstanceOf(NcaException.class).hasMessageContaining("set each key once");
        assertThatThrownBy(() -> expand("""
                [sweep]
                recipe = "../missing.toml"
                seeds = [1, 2]
                """)).isInstanceOf(NcaException.class).hasMessageContaining(file + " [sweep] recipe")
                .hasMessageContaining("does not exist");
    }
}
