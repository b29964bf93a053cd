package dev.nca.plugins.dataset.life;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Boundary;
import dev.nca.api.DataRequest;
import dev.nca.api.Dataset;
import dev.nca.api.InvalidParameterException;
import dev.nca.api.NcaException;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.testkit.DatasetContract;
import dev.nca.testkit.NdValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class LifeDatasetTest extends DatasetContract {

    @Override
    protected Dataset dataset() {
        return new LifeDataset();
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("size", 12L, "steps", 4L, "trajectories", 2L);
    }

    private Trajectories generate(Map<String, Object> overrides, Split split, OptionalInt frames) {
        Map<String, Object> raw = new HashMap<>(validParams());
        raw.putAll(overrides);
        Params p = Params.validate(dataset().parameters(), raw, "test.toml [data.params]");
        RandomSource random = new RandomSource(21).child(split == Split.TRAIN ? "data/train" : "data/held-out");
        return dataset().generate(p, new DataRequest(split, random, DataType.DOUBLE, frames));
    }

    private Trajectories generate(Map<String, Object> overrides) {
        return generate(overrides, Split.TRAIN, OptionalInt.empty());
    }

    private static byte[] frame(Trajectories t, int r, int f) {
        double[] v = NdValues.of(t.frame(r, f));
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            assertThat(v[i]).as("cell value").isIn(0.0, 1.0);
            out[i] = (byte) v[i];
        }
        return out;
    }

    private static int population(byte[] cells) {
        int n = 0;
        for (byte b : cells) {
            n += b;
        }
        return n;
    }

    @Test
    void metadataAndShape() {
        Trajectories t = generate(Map.of());
        assertThat(t.frames().shape()).containsExactly(2, 5, 1, 12, 12);
        assertThat(t.channelNames()).containsExactly("alive");
        assertThat(t.frameSpacing()).isEqualTo(1);
        assertThat(t.boundary()).contains(Boundary.PERIODIC);
        assertThat(t.valueMin()).isEqualTo(0.0);
        assertThat(t.valueMax()).isEqualTo(1.0);
        assertThat(generate(Map.of("frame_spacing", 3L)).frameSpacing()).isEqualTo(3);
    }

    @Test
    void consecutiveFramesAreOneGenerationApart() {
        Trajectories t = generate(Map.of("steps", 6L));
        for (int r = 0; r < 2; r++) {
            for (int f = 0; f + 1 < t.length(); f++) {
                assertThat(Pictures.picture(frame(t, r, f + 1))).as("trajectory %d frame %d", r, f + 1)
                        .isEqualTo(Pictures.picture(Pictures.referenceStep(frame(t, r, f))));
            }
        }
    }

    @Test
    void soupDensityIsTheProbabilityOfALiveCell() {
        Trajectories t = generate(Map.of("size", 64L, "steps", 1L, "density", 0.25, "trajectories", 3L));
        int alive = 0;
        for (int r = 0; r < 3; r++) {
            alive += population(frame(t, r, 0));
        }
        int n = 3 * 64 * 64;
        // binomial standard deviation sqrt(n p (1 - p)), four of them
        assertThat((double) alive / n).isCloseTo(0.25, within(4 * Math.sqrt(0.25 * 0.75 / n)));
        assertThat(population(frame(generate(Map.of("density", 0.0)), 0, 0))).isZero();
    }

    @Test
    void fixedPlacementPutsPatternsAtTheirOffsetsWrappingAroundTheEdges() {
        Trajectories t = generate(Map.of("size", 6L, "initial", "pattern", "placement", "fixed",
                "patterns", List.of("glider", "blinker"), "offsets", List.of(0L, 0L, 5L, 4L)));
        byte[] expected = Pictures.cells(
                ".O....",
                "..O...",
                "OOO...",
                "......",
                "......",
                "O...OO");
        for (int r = 0; r < 2; r++) {
            assertThat(Pictures.picture(frame(t, r, 0))).isEqualTo(Pictures.picture(expected));
        }
    }

    @Test
    void aSinglePatternWithoutOffsetsIsCentred() {
        Trajectories t = generate(Map.of("size", 7L, "initial", "pattern", "placement", "fixed",
                "patterns", List.of("glider")));
        byte[] expected = Pictures.cells(
                ".......",
                ".......",
                "...O...",
                "....O..",
                "..OOO..",
                ".......",
                ".......");
        assertThat(Pictures.picture(frame(t, 0, 0))).isEqualTo(Pictures.picture(expected));
    }

    @Test
    void randomPlacementKeepsPatternsApartAndVariesBetweenTrajectories() {
        for (String orientation : List.of("fixed", "random")) {
            Trajectories t = generate(Map.of("size", 32L, "initial", "pattern", "trajectories", 3L,
                    "patterns", List.of("pulsar", "lwss", "glider"), "orientation", orientation));
            for (int r = 0; r < 3; r++) {
                assertThat(population(frame(t, r, 0))).as("no overlap in trajectory %d", r).isEqualTo(48 + 9 + 5);
            }
            assertThat(frame(t, 1, 0)).isNotEqualTo(frame(t, 0, 0));
        }
    }

    @Test
    void mixedUsesPatternsForEvenAndSoupsForOddTrajectories() {
        Trajectories t = generate(Map.of("size", 16L, "initial", "mixed", "trajectories", 4L,
                "patterns", List.of("r-pentomino"), "density", 0.5));
        assertThat(population(frame(t, 0, 0))).isEqualTo(5);
        assertThat(population(frame(t, 2, 0))).isEqualTo(5);
        assertThat(population(frame(t, 1, 0))).isGreaterThan(40);
        assertThat(population(frame(t, 3, 0))).isGreaterThan(40);
    }

    @Test
    void heldOutPlacesFixedPatternsAtRandomPositions() {
        Map<String, Object> fixed = Map.of("size", 16L, "initial", "pattern", "placement", "fixed",
                "patterns", List.of("glider", "blinker"), "offsets", List.of(1L, 1L, 8L, 8L));
        Trajectories train = generate(fixed, Split.TRAIN, OptionalInt.empty());
        Trajectories heldOut = generate(fixed, Split.HELD_OUT, OptionalInt.empty());
        assertThat(population(frame(heldOut, 0, 0))).isEqualTo(8);
        assertThat(frame(heldOut, 0, 0)).isNotEqualTo(frame(train, 0, 0));
    }

    @Test
    void warmupGenerationsPrecedeFrameZero() {
        Trajectories plain = generate(Map.of("steps", 5L));
        Trajectories warm = generate(Map.of("steps", 2L, "warmup", 3L));
        assertThat(NdValues.of(warm.frame(1, 0))).containsExactly(NdValues.of(plain.frame(1, 3)));
        assertThat(NdValues.of(warm.frame(1, 2))).containsExactly(NdValues.of(plain.frame(1, 5)));
    }

    @Test
    void framesOverrideExtendsTheSameRunAndTrajectoriesDoNotDependOnTheirCount() {
        Trajectories shortRun = generate(Map.of());
        Trajectories longRun = generate(Map.of(), Split.TRAIN, OptionalInt.of(9));
        assertThat(longRun.length()).isEqualTo(9);
        assertThat(NdValues.of(longRun.frame(1, 4))).containsExactly(NdValues.of(shortRun.frame(1, 4)));
        Trajectories one = generate(Map.of("trajectories", 1L));
        assertThat(NdValues.of(one.frame(0, 4))).containsExactly(NdValues.of(shortRun.frame(0, 4)));
    }

    @Test
    void floatFramesHoldExactZerosAndOnes() {
        Map<String, Object> raw = new HashMap<>(validParams());
        Params p = Params.validate(dataset().parameters(), raw, "test");
        Trajectories f = dataset().generate(p, DataRequest.training(new RandomSource(3), DataType.FLOAT));
        Trajectories d = dataset().generate(p, DataRequest.training(new RandomSource(3), DataType.DOUBLE));
        assertThat(f.frames().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(NdValues.of(f.frames())).containsExactly(NdValues.of(d.frames()));
    }

    @Test
    void readsPatternFilesGivenByPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pair.rle");
        Files.writeString(file, "x = 4, y = 1, rule = B3/S23\no2bo!\n");
        Trajectories t = generate(Map.of("size", 4L, "initial", "pattern", "placement", "fixed",
                "patterns", List.of(file.toString()), "offsets", List.of(2L, 0L)));
        assertThat(Pictures.picture(frame(t, 0, 0))).isEqualTo(Pictures.picture(Pictures.cells(
                "....", "....", "O..O", "....")));
    }

    @Test
    void malformedPatternFileIsReportedWithItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.rle");
        Files.writeString(file, "x = 2, y = 1, rule = B3/S23\n2o\n");
        assertThatThrownBy(() -> generate(Map.of("initial", "pattern", "patterns", List.of(file.toString()))))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 2")
                .hasMessageContaining("without '!'");
    }

    @Test
    void patternLargerThanTheLatticeIsRejected() {
        for (String placement : List.of("fixed", "random")) {
            assertThatThrownBy(() -> generate(Map.of("size", 16L, "initial", "pattern", "placement", placement,
                    "patterns", List.of("gosper-glider-gun"))))
                    .isInstanceOf(NcaException.class)
                    .hasMessageContaining("'gosper-glider-gun' (9 rows x 36 columns)")
                    .hasMessageContaining("is larger than the 16 x 16 lattice")
                    .hasMessageContaining("at least 36");
        }
    }

    @Test
    void crowdedRandomPlacementIsRejected() {
        assertThatThrownBy(() -> generate(Map.of("size", 13L, "initial", "pattern",
                "patterns", List.of("pulsar", "pulsar"))))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining("could not place Life pattern 'pulsar'")
                .hasMessageContaining("13 x 13 lattice");
    }

    @Test
    void inconsistentParametersAreRejectedClearly() {
        assertRejected(Map.of("initial", "pattern", "patterns", List.of()), "patterns", "at least one pattern");
        assertRejected(Map.of("initial", "pattern", "patterns", List.of("glidr")), "patterns", "\"glidr\" is neither");
        assertRejected(Map.of("initial", "pattern", "offsets", List.of(1L, 2L)), "offsets",
                "has value [1.0, 2.0]; allowed: an empty array unless placement = \"fixed\"");
        assertRejected(Map.of("initial", "pattern", "placement", "fixed", "patterns", List.of("glider", "block")),
                "offsets", "4 numbers for 2 patterns");
        assertRejected(Map.of("initial", "pattern", "placement", "fixed", "patterns", List.of("glider"),
                "offsets", List.of(1.5, 2L)), "offsets", "whole numbers");
    }

    private void assertRejected(Map<String, Object> overrides, String key, String allowed) {
        assertThatThrownBy(() -> generate(overrides))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("test.toml [data.params]")
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining(allowed)
                .satisfies(e -> assertThat(((InvalidParameterException) e).key()).isEqualTo(key));
    }
}
