package dev.nca.plugins.dataset.gray.scott;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Boundary;
import dev.nca.api.DataRequest;
import dev.nca.api.Dataset;
import dev.nca.api.InvalidParameterException;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.testkit.DatasetContract;
import dev.nca.testkit.NdValues;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class GrayScottDatasetTest extends DatasetContract {

    private static final Logger LOG = LoggerFactory.getLogger(GrayScottDatasetTest.class);

    @Override
    protected Dataset dataset() {
        return new GrayScottDataset();
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("size", 12L, "steps", 8L, "save_every", 4L, "trajectories", 2L, "patches", 2L,
                "patch_min", 2L, "patch_max", 4L);
    }

    private Trajectories generate(Map<String, Object> overrides, OptionalInt frames) {
        Map<String, Object> raw = new HashMap<>(validParams());
        raw.putAll(overrides);
        Params p = Params.validate(dataset().parameters(), raw, "test.toml [data.params]");
        return dataset().generate(p, new DataRequest(Split.TRAIN, new RandomSource(21), DataType.DOUBLE, frames));
    }

    private Trajectories generate(Map<String, Object> overrides) {
        return generate(overrides, OptionalInt.empty());
    }

    @Test
    void metadataAndLength() {
        Trajectories t = generate(Map.of());
        assertThat(t.frames().shape()).containsExactly(2, 3, 2, 12, 12);
        assertThat(t.channelNames()).containsExactly("A", "B");
        assertThat(t.frameSpacing()).isEqualTo(4);
        assertThat(t.boundary()).contains(Boundary.PERIODIC);
        assertThat(t.valueMin()).isEqualTo(0.0);
        assertThat(t.valueMax()).isEqualTo(1.0);
    }

    @Test
    void firstFrameIsUniformStateWithSquarePatches() {
        Trajectories t = generate(Map.of());
        for (int r = 0; r < 2; r++) {
            double[] v = NdValues.of(t.frame(r, 0));
            int patched = 0;
            for (int c = 0; c < 144; c++) {
                double a = v[c];
                double b = v[144 + c];
                if (a == 0.5) {
                    assertThat(b).isEqualTo(0.25);
                    patched++;
                } else {
                    assertThat(a).isEqualTo(1.0);
                    assertThat(b).isEqualTo(0.0);
                }
            }
            // two patches of side 2..4: at least one 2x2 square, at most two 4x4 squares
            assertThat(patched).isBetween(4, 32);
        }
    }

    @Test
    void laterFramesAreTheSolverSaveEveryStepsApart() {
        Trajectories t = generate(Map.of());
        double[] f0 = NdValues.of(t.frame(1, 0));
        GrayScottSolver s = new GrayScottSolver(12, new GrayScottSolver.Rates(1.0, 0.1, 0.05, 0.0623, 0.06268));
        s.reset(java.util.Arrays.copyOfRange(f0, 0, 144), java.util.Arrays.copyOfRange(f0, 144, 288));
        s.advance(8);
        double[] expected = new double[288];
        s.copyTo(expected, 0);
        assertThat(NdValues.of(t.frame(1, 2))).containsExactly(expected, within(0.0));
    }

    @Test
    void noPatchesStaysAtTheFixedPoint() {
        double[] v = NdValues.of(generate(Map.of("patches", 0L)).frames());
        for (int i = 0; i < v.length; i++) {
            assertThat(v[i]).isEqualTo((i / 144) % 2 == 0 ? 1.0 : 0.0);
        }
    }

    @Test
    void framesOverrideExtendsTheSameSimulation() {
        Trajectories shortRun = generate(Map.of());
        Trajectories longRun = generate(Map.of(), OptionalInt.of(5));
        assertThat(longRun.length()).isEqualTo(5);
        assertThat(NdValues.of(longRun.frame(0, 2))).containsExactly(NdValues.of(shortRun.frame(0, 2)));
    }

    @Test
    void trajectoriesDoNotDependOnHowManyThereAre() {
        Trajectories one = generate(Map.of("trajectories", 1L));
        Trajectories two = generate(Map.of());
        assertThat(NdValues.of(two.frame(0, 2))).containsExactly(NdValues.of(one.frame(0, 2)));
        assertThat(NdValues.of(two.frame(1, 0))).isNotEqualTo(NdValues.of(two.frame(0, 0)));
    }

    @Test
    void minMaxScalingMapsEachChannelOntoUnitInterval() {
        Trajectories raw = generate(Map.of());
        Trajectories scaled = generate(Map.of("scale", "minmax"));
        for (int c = 0; c < 2; c++) {
            double[] r = channelRange(raw, c);
            double[] s = channelRange(scaled, c);
            assertThat(s[0]).isCloseTo(0.0, within(1e-15));
            assertThat(s[1]).isCloseTo(1.0, within(1e-15));
            double x = raw.frames().getDouble(1, 2, c, 3, 4);
            assertThat(scaled.frames().getDouble(1, 2, c, 3, 4)).isCloseTo((x - r[0]) / (r[1] - r[0]), within(1e-14));
        }
    }

    @Test
    void measurementNoiseMixesInUniformValuesOverTheChannelRange() {
        double xi = 0.3;
        Trajectories clean = generate(Map.of("size", 24L, "patch_max", 8L, "patches", 4L));
        Trajectories noisy = generate(Map.of("size", 24L, "patch_max", 8L, "patches", 4L, "noise", xi));
        int cells = 24 * 24;
        double[] y = NdValues.of(clean.frames());
        double[] z = NdValues.of(noisy.frames());
        for (int c = 0; c < 2; c++) {
            double[] range = channelRange(clean, c);
            double sum = 0;
            int n = 0;
            for (int i = c * cells; i < y.length; i += 2 * cells) {
                for (int k = i; k < i + cells; k++) {
                    double u = (z[k] - (1 - xi) * y[k]) / xi;
                    assertThat(u).isBetween(range[0] - 1e-12, range[1] + 1e-12);
                    sum += u;
                    n++;
                }
            }
            // the mean of n uniform draws: standard error (max - min) / sqrt(12 n)
            double halfWidth = 4 * (range[1] - range[0]) / Math.sqrt(12.0 * n);
            assertThat(sum / n).isCloseTo((range[0] + range[1]) / 2, within(halfWidth));
        }
    }

    @Test
    void inconsistentParametersAreRejectedClearly() {
        assertRejected(Map.of("steps", 10L), "steps", "a multiple of save_every (4)");
        assertRejected(Map.of("patch_min", 5L), "patch_min", "at most patch_max (4)");
        assertRejected(Map.of("patch_max", 13L), "patch_max", "at most size (12)");
        assertRejected(Map.of("diffusion_a", 0.6), "diffusion_a", "unstable");
        assertRejected(Map.of("dt", 2.0, "diffusion_b", 0.3), "diffusion_b", "at most 0.25 with dt = 2.0");
    }

    @Test
    void defaultSizedDatasetIsFast() {
        Params defaults = Params.validate(dataset().parameters(), Map.of(), "defaults");
        org.nd4j.linalg.factory.Nd4j.zeros(DataType.FLOAT, 1); // load the backend outside the timing
        long start = System.nanoTime();
        Trajectories t = dataset().generate(defaults, DataRequest.training(new RandomSource(1), DataType.FLOAT));
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("gray-scott 2 x 1024 steps on 64x64: {} s", String.format("%.3f", seconds));
        assertThat(t.frames().shape()).containsExactly(2, 33, 2, 64, 64);
        assertThat(seconds).as("seconds for the default dataset").isLessThan(1.5);
        // the paper's rates grow patterns from the seeds instead of decaying to A = 1, B = 0
        for (int r = 0; r < 2; r++) {
            double[] lastB = NdValues.of(t.frame(r, 32).slice(1));
            double seeded = java.util.Arrays.stream(lastB).filter(b -> b > 0.1).count() / (double) lastB.length;
            LOG.info("trajectory {}: fraction of cells with B > 0.1 after 1024 steps: {}", r, seeded);
            assertThat(seeded).as("patterned fraction of trajectory %d", r).isGreaterThan(0.05);
        }
    }

    private void assertRejected(Map<String, Object> overrides, String key, String allowed) {
        assertThatThrownBy(() -> generate(overrides))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("test.toml [data.params]")
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining(allowed)
                .satisfies(e -> assertThat(((InvalidParameterException) e).key()).isEqualTo(key));
    }

    private static double[] channelRange(Trajectories t, int c) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < t.trajectories(); r++) {
            for (int f = 0; f < t.length(); f++) {
                for (double v : NdValues.of(t.frame(r, f).slice(c))) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {min, max};
    }
}
