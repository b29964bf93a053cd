package dev.nca.runtime.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.NcaException;
import dev.nca.runtime.recipe.RecipeLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepFolderTest {

    static final String SWEEP = """
            [sweep]
            recipe = "../base.toml"
            seeds = [1, 2]
            [axes.t]
            keys = ["data.params.save_every", "training.frame_spacing"]
            values = [8, 16]
            [evaluation]
            steps = 64
            at = [32, 64]
            """;

    @TempDir
    Path dir;

    static SweepFolder prepare(Path dir, String text, Path root) throws Exception {
        Path file = SweepFixtures.write(dir, "study", text);
        SweepSpec spec = SweepLoader.load(file);
        return SweepFolder.prepare(root, spec, text, PointExpander.expand(spec));
    }

    @Test
    void writesTheResolvedRecipeOfEveryPointAndReadsBack() throws Exception {
        SweepFolder folder = prepare(dir, SWEEP, dir.resolve("out/study"));

        assertThat(folder.pointNames()).containsExactly("t-8_seed-1", "t-8_seed-2", "t-16_seed-1", "t-16_seed-2");
        Path recipe = folder.point("t-16_seed-2").resolve("recipe.toml");
        assertThat(RecipeLoader.load(recipe, Map.of()).training().frameSpacing()).hasValue(16);
        assertThat(RecipeLoader.load(recipe, Map.of()).experiment().seed()).isEqualTo(2);
        assertThat(dir.resolve("out/study/sweep.toml")).hasContent(SWEEP);

        SweepFolder reopened = SweepFolder.open(dir.resolve("out/study"));
        assertThat(reopened.axisNames()).containsExactly("t");
        assertThat(reopened.evaluation().orElseThrow()).containsEntry("steps", 64);
        assertThat(reopened.points().get(2)).containsEntry("seed", 1).containsEntry("values", Map.of("t", 16));
        assertThatThrownBy(() -> reopened.point("../x")).isInstanceOf(NcaException.class)
                .hasMessageContaining("has no point '../x'");
    }

    @Test
    void theSameSweepReopensADifferentOneIsRefused() throws Exception {
        Path root = dir.resolve("out/study");
        prepare(dir, SWEEP, root);
        prepare(dir, SWEEP + "\n# a comment changes nothing that runs\n", root);

        assertThatThrownBy(() -> prepare(dir, SWEEP.replace("[1, 2]", "[1, 3]"), root))
                .isInstanceOf(NcaException.class).hasMessageContaining("results of different sweeps are never mixed");
        Files.writeString(dir.resolve("base.toml"), SweepFixtures.RECIPE.replace("epochs = 10", "epochs = 11"));
        assertThatThrownBy(() -> SweepFolder.prepare(root, SweepLoader.load(dir.resolve("studies/study.toml")), SWEEP,
                PointExpander.expand(SweepLoader.load(dir.resolve("studies/study.toml")))))
                .isInstanceOf(NcaException.class).hasMessageContaining("base recipe changed");
    }

    @Test
    void olderFoldersReopenAndAChangedEvaluationMakesTheirDonePointsStale() throws Exception {
        Path root = dir.resolve("out/study");
        SweepFolder folder = prepare(dir, SWEEP, root);
        // a folder as written before the hash left the evaluation out: evaluation text, then the points
        Path json = root.resolve("sweep.json");
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> description = mapper.readValue(json.toFile(), Map.class);
        String points = pointsContent(folder);
        description.put("hash", java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest((description.get("evaluation") + "\n" + points).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        Files.writeString(json, mapper.writeValueAsString(description));
        folder.writeState("t-8_seed-1", new PointState(PointState.DONE, 1, "h", null, Map.of("final_loss", 1.0)));

        SweepFolder same = prepare(dir, SWEEP, root);
        assertThat(same.needsWork("t-8_seed-1")).as("evaluated as the folder said").isFalse();
        assertThat(same.needsWork("t-8_seed-2")).isTrue();
        SweepFolder changed = prepare(dir, SWEEP + "set = [\"data.params.size=4\"]\n", root);
        assertThat(changed.needsWork("t-8_seed-1")).as("evaluation changed").isTrue();
        assertThat(changed.evaluationIsStale(changed.state("t-8_seed-1").orElseThrow())).isTrue();
        assertThat(changed.state("t-8_seed-1").orElseThrow().result()).containsEntry("final_loss", 1.0);
    }

    /** What the content hash covers: every point's name and resolved recipe without the writer's header line. */
    private static String pointsContent(SweepFolder folder) throws Exception {
        StringBuilder content = new StringBuilder();
        for (String name : folder.pointNames()) {
            String recipe = Files.readString(folder.point(name).resolve("recipe.toml"));
            content.append(name).append('\n').append(recipe.substring(recipe.indexOf('\n') + 1));
        }
        return content.toString();
    }

    @Test
    void aFolderThatIsNotASweepIsNotUsed() throws Exception {
        Path root = dir.resolve("busy");
        Files.createDirectories(root);
        Files.writeString(root.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> prepare(dir, SWEEP, root)).isInstanceOf(NcaException.class)
                .hasMessageContaining("is not a sweep folder");
        assertThat(root.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aNewAttemptMovesLeftoversAsideAndADonePointIsNeverRestarted() throws Exception {
        SweepFolder folder = prepare(dir, SWEEP, dir.resolve("s"));
        String name = "t-8_seed-1";
        assertThat(folder.startAttempt(name)).isEqualTo(1);
        folder.writeState(name, new PointState(PointState.RUNNING, 1, "h", null, null));
        Files.writeString(folder.point(name).resolve("metrics.jsonl"), "{\"epoch\":0}\n");

        assertThat(folder.startAttempt(name)).isEqualTo(2);

        assertThat(Files.list(folder.point(name)).map(p -> p.getFileName().toString())).containsExactly("recipe.toml");
        assertThat(dir.resolve("s/attempts/" + name + ".1/metrics.jsonl")).hasContent("{\"epoch\":0}");
        assertThat(folder.state(name)).isEmpty();

        folder.writeState(name, new PointState(PointState.DONE, 2, "h", null, Map.of("final_loss", 0.5)));
        assertThat(folder.state(name).orElseThrow().result()).containsEntry("final_loss", 0.5);
        assertThatThrownBy(() -> folder.startAttempt(name)).isInstanceOf(NcaException.class)
                .hasMessageContaining("already done");
        assertThat(folder.state(name).orElseThrow().done()).isTrue();
    }

    @Test
    void statusComesFromTheStateFilesWithoutSlurm() throws Exception {
        SweepFolder folder = prepare(dir, SWEEP, dir.resolve("s"));
        folder.writeState("t-8_seed-1", new PointState(PointState.DONE, 1, "h", null, Map.of()));
        folder.writeState("t-8_seed-2", new PointState(PointState.FAILED, 1, "h", "boom", null));
        folder.writeState("t-16_seed-1", new PointState(PointState.RUNNING, 1, "h", null, null));

        assertThat(SweepStatus.of(folder, false)).containsExactly(Map.entry("t-8_seed-1", "done"),
                Map.entry("t-8_seed-2", "failed"), Map.entry("t-16_seed-1", "running"),
                Map.entry("t-16_seed-2", "missing"));
        assertThat(List.of("pending", "running")).allMatch(SweepStatus::inFlight);
    }
}
