package dev.nca.plugins.dataset.bz;

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
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class BzDatasetTest extends DatasetContract {

    @Override
    protected Dataset dataset() {
        return new BzDataset();
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("size", 10L, "steps", 4L, "trajectories", 2L, "warmup", 3L);
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

    /** Frame f of trajectory r as {@code [3][S][S]}; needs all three species observed in order. */
    private static double[][][] state(Trajectories t, int r, int f) {
        int n = t.size();
        double[] v = NdValues.of(t.frame(r, f));
        double[][][] x = new double[3][n][n];
        for (int k = 0; k < v.length; k++) {
            x[k / (n * n)][(k / n) % n][k % n] = v[k];
        }
        return x;
    }

    @Test
    void metadataAndShape() {
        Trajectories t = generate(Map.of());
        assertThat(t.frames().shape()).containsExactly(2, 5, 3, 10, 10);
        assertThat(t.channelNames()).containsExactly("a", "b", "c");
        assertThat(t.frameSpacing()).isEqualTo(1);
        assertThat(t.boundary()).contains(Boundary.PERIODIC);
        assertThat(t.valueMin()).isEqualTo(0.0);
        assertThat(t.valueMax()).isEqualTo(1.0);
        Trajectories sparse = generate(Map.of("steps", 6L, "save_every", 3L));
        assertThat(sparse.length()).isEqualTo(3);
        assertThat(sparse.frameSpacing()).isEqualTo(3);
    }

    @Test
    void framesFollowTheReferenceUpdate() {
        Map<String, Object> rates = Map.of("alpha", 1.2, "beta", 0.9, "gamma", 1.1, "steps", 6L, "save_every", 2L);
        Trajectories t = generate(rates);
        for (int r = 0; r < 2; r++) {
            for (int f = 0; f + 1 < t.length(); f++) {
                double[][][] expected = Reference.step(Reference.step(state(t, r, f), 1.2, 0.9, 1.1), 1.2, 0.9, 1.1);
                double[][][] actual = state(t, r, f + 1);
                for (int s = 0; s < 3; s++) {
                    for (int i = 0; i < 10; i++) {
                        assertThat(actual[s][i]).containsExactly(expected[s][i], within(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void initialFieldsAreUniformRandomInTheUnitInterval() {
        Trajectories t = generate(Map.of("size", 32L, "warmup", 0L));
        double[] first = NdValues.of(t.frame(0, 0));
        double sum = 0;
        for (double v : first) {
            assertThat(v).isBetween(0.0, 1.0);
            sum += v;
        }
        // mean of n uniform values: standard error 1 / sqrt(12 n), four of them
        assertThat(sum / first.length).isCloseTo(0.5, within(4 / Math.sqrt(12.0 * first.length)));
        assertThat(NdValues.of(t.frame(1, 0))).isNotEqualTo(first);
    }

    @Test
    void observeSelectsAndOrdersChannels() {
        Trajectories all = generate(Map.of());
        Trajectories ca = generate(Map.of("observe", List.of("c", "a")));
        assertThat(ca.channelNames()).containsExactly("c", "a");
        assertThat(ca.frames().shape()).containsExactly(2, 5, 2, 10, 10);
        assertThat(NdValues.of(ca.frame(1, 3).slice(0))).containsExactly(NdValues.of(all.frame(1, 3).slice(2)));
        assertThat(NdValues.of(ca.frame(1, 3).slice(1))).containsExactly(NdValues.of(all.frame(1, 3).slice(0)));
    }

    @Test
    void warmupUpdatesPrecedeFrameZero() {
        Trajectories cold = generate(Map.of("warmup", 0L, "steps", 5L));
        Trajectories warm = generate(Map.of("warmup", 2L, "steps", 3L));
        assertThat(NdValues.of(warm.frame(0, 0))).containsExactly(NdValues.of(cold.frame(0, 2)));
    }

    @Test
    void framesOverrideExtendsTheSameRunAndTrajectoriesDoNotDependOnTheirCount() {
        Trajectories shortRun = generate(Map.of());
        Trajectories longRun = generate(Map.of(), OptionalInt.of(8));
        assertThat(longRun.length()).isEqualTo(8);
        assertThat(NdValues.of(longRun.frame(1, 4))).containsExactly(NdValues.of(shortRun.frame(1, 4)));
        Trajectories one = generate(Map.of("trajectories", 1L));
        assertThat(NdValues.of(one.frame(0, 4))).containsExactly(NdValues.of(shortRun.frame(0, 4)));
    }

    @Test
    void defaultParametersMakeTravellingWaves() {
        Params defaults = Params.validate(dataset().parameters(), Map.of("trajectories", 1L), "defaults");
        Trajectories t = dataset().generate(defaults, DataRequest.training(new RandomSource(2), DataType.DOUBLE));
        assertThat(t.frames().shape()).containsExactly(1, 65, 3, 64, 64);
        double[] last = NdValues.of(t.frame(0, 64).slice(0));
        double mean = java.util.Arrays.stream(last).average().orElseThrow();
        double var = java.util.Arrays.stream(last).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        // fronts: a is near 0 or near 1 over large areas, not a smeared-out uniform field
        assertThat(Math.sqrt(var)).as("spatial standard deviation of a").isGreaterThan(0.3);
        // each cell oscillates: a crosses 1/2 several times in 64 updates (period about 17)
        int cell = 64 * 20 + 30;
        int crossings = 0;
        for (int f = 1; f < 65; f++) {
            double before = t.frames().getDouble(0, f - 1, 0, cell / 64, cell % 64);
            double after = t.frames().getDouble(0, f, 0, cell / 64, cell % 64);
            if ((before - 0.5) * (after - 0.5) < 0) {
                crossings++;
            }
        }
        assertThat(crossings).as("crossings of a = 1/2 at one cell").isGreaterThanOrEqualTo(4);
    }

    @Test
    void inconsistentParametersAreRejectedClearly() {
        assertRejected(Map.of("steps", 5L, "save_every", 2L), "steps", "a multiple of save_every (2)");
        assertRejected(Map.of("alpha", 0.0), "alpha", "rates must be positive");
        assertRejected(Map.of("gamma", 0L), "gamma", "rates must be positive");
        assertRejected(Map.of("observe", List.of()), "observe", "non-empty list of distinct species");
        assertRejected(Map.of("observe", List.of("a", "a")), "observe", "distinct");
        assertRejected(Map.of("observe", List.of("a", "d")), "observe", "from [a, b, c]");
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
