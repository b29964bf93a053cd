package dev.nca.plugins.dataset.morphogenesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.DataRequest;
import dev.nca.api.Dataset;
import dev.nca.api.InvalidParameterException;
import dev.nca.api.NcaModels;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.testkit.DatasetContract;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class MorphogenesisDatasetTest extends DatasetContract {

    private static final Path TEACHER = BiasTeacher.write();
    private static final int S = 12;

    @Override
    protected Dataset dataset() {
        return new MorphogenesisDataset();
    }

    @Override
    protected NcaModels models() {
        return BiasTeacher.models();
    }

    @Override
    protected Map<String, Object> validParams() {
        Map<String, Object> p = new HashMap<>();
        p.put("teacher", TEACHER.toString());
        p.put("size", (long) S);
        p.put("frames", 6L);
        p.put("frame_spacing", 2L);
        p.put("growth_trajectories", 1L);
        p.put("regeneration_trajectories", 2L);
        p.put("growth_steps", 5L);
        p.put("warmup_steps", 12L);
        p.put("regrowth_steps", 4L);
        p.put("damage_radius_min", 0.15);
        p.put("damage_radius_max", 0.3);
        return p;
    }

    private Trajectories generate(Map<String, Object> overrides) {
        Map<String, Object> raw = new HashMap<>(validParams());
        raw.putAll(overrides);
        Params p = Params.validate(dataset().parameters(), raw, "test");
        return dataset().generate(p, new DataRequest(Split.TRAIN, new RandomSource(3), DataType.DOUBLE,
                OptionalInt.empty(), models()));
    }

    @Test
    void growthFramesAreTheTeachersObservableChannelsEveryFrameSpacingSteps() {
        Trajectories t = generate(Map.of());
        double[][][] x = BiasTeacher.seed(S);
        for (int frame = 0; frame < 6; frame++) {
            if (frame > 0) {
                BiasTeacher.simulate(x, 2);
            }
            for (int c = 0; c < 4; c++) {
                for (int i = 0; i < S; i++) {
                    for (int j = 0; j < S; j++) {
                        double expected = Math.min(1, Math.max(0, x[c][i][j]));
                        assertThat(t.frames().getDouble(0, frame, c, i, j)).as("frame %d c%d (%d,%d)", frame, c, i, j)
                                .isCloseTo(expected, within(1e-9));
                    }
                }
            }
        }
        // the living region really grew: more than the 3x3 block around the seed is coloured at the end
        assertThat(t.frames().get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.point(5), org.nd4j.linalg.indexing.NDArrayIndex.point(3))
                .gt(0.0).castTo(DataType.INT32).sumNumber().intValue()).isGreaterThan(9);
    }

    @Test
    void regenerationStartsFromTheGrownStateWithADiscZeroed() {
        Trajectories t = generate(Map.of());
        double[][][] grown = BiasTeacher.seed(S);
        BiasTeacher.simulate(grown, 12);
        for (int r = 1; r <= 2; r++) {
            int damaged = 0;
            int minI = S;
            int maxI = -1;
            for (int i = 0; i < S; i++) {
                for (int j = 0; j < S; j++) {
                    double alpha = t.frames().getDouble(r, 0, 3, i, j);
                    double expected = Math.min(1, grown[3][i][j]);
                    if (alpha == 0 && expected > 0) {
                        damaged++;
                        minI = Math.min(minI, i);
                        maxI = Math.max(maxI, i);
                    } else {
                        assertThat(alpha).as("undamaged cell (%d,%d) of trajectory %d", i, j, r)
                                .isCloseTo(expected, within(1e-9));
                    }
                }
            }
            assertThat(damaged).as("damaged living cells of trajectory %d", r).isPositive();
            // the disc's diameter is at most 2 * 0.3 * S (+1 for the centre row)
            assertThat(maxI - minI + 1).isLessThanOrEqualTo((int) Math.floor(2 * 0.3 * S) + 1);
        }
    }

    @Test
    void phasesAreLabelledByTimeSinceSeedOrDamage() {
        Trajectories t = generate(Map.of());
        assertThat(t.phases()).isPresent();
        assertThat(t.phases().get().names()).containsExactly("growing", "stable", "regenerating");
        // frames at steps 0, 2, 4 are before growth_steps = 5; 6, 8, 10 are stable
        assertThat(t.phases().get().labels()[0]).containsExactly(0, 0, 0, 1, 1, 1);
        // regrowth_steps = 4: steps 0, 2 regenerate
        assertThat(t.phases().get().labels()[1]).containsExactly(2, 2, 1, 1, 1, 1);
        assertThat(t.channelNames()).containsExactly("r", "g", "b", "a");
    }

    @Test
    void missingTeacherFileAndUnknownBuiltinAreNamed() {
        assertThatThrownBy(() -> generate(Map.of("teacher", "/no/such/teacher.nca")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("teacher")
                .hasMessageContaining("/no/such/teacher.nca");
        assertThatThrownBy(() -> generate(Map.of("teacher", "builtin:axolotl")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("builtin:lizard");
        assertThatThrownBy(() -> generate(Map.of("damage_radius_min", 0.5)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("damage_radius_min");
    }
}
