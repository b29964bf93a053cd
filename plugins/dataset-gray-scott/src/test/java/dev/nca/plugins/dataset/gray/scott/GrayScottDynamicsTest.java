package dev.nca.plugins.dataset.gray.scott;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.DataRequest;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.Split;
import dev.nca.api.Trajectories;
import dev.nca.api.TrueDynamics;
import dev.nca.testkit.NdValues;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The true dynamics of min-max scaled Gray-Scott frames, checked against frames of the generator
 * and against the reaction worked out by hand on a uniform state (where the Laplacian vanishes).
 */
class GrayScottDynamicsTest {

    private static final double FEED = 0.05;
    private static final double KILL = 0.06;
    private static final Map<String, Object> PARAMS = Map.of("size", 12L, "steps", 12L, "save_every", 4L,
            "trajectories", 2L, "patches", 3L, "patch_min", 2L, "patch_max", 4L, "feed", FEED, "kill", KILL,
            "dt", 0.5);

    private final GrayScottDataset dataset = new GrayScottDataset();
    private final DataRequest request = new DataRequest(Split.HELD_OUT, new RandomSource(4), DataType.DOUBLE,
            OptionalInt.empty());

    private Params params(String scale) {
        Map<String, Object> raw = new HashMap<>(PARAMS);
        raw.put("scale", scale);
        return Params.validate(dataset.parameters(), raw, "test.toml [data.params]");
    }

    @Test
    void scaledFrameAdvancedByOneIntervalIsTheNextScaledFrame() {
        Params p = params("minmax");
        Trajectories t = dataset.generate(p, request);
        TrueDynamics truth = dataset.trueDynamics(p, request).orElseThrow();
        assertThat(truth.stepsPerFrame()).isEqualTo(4);
        for (int r = 0; r < 2; r++) {
            INDArray first = t.frames().get(NDArrayIndex.point(r), NDArrayIndex.interval(0, 1)).dup();
            // two frame intervals at once: frame 2
            double[] two = NdValues.of(truth.advance(first, 8));
            double[] expected = NdValues.of(t.frame(r, 2));
            for (int k = 0; k < expected.length; k++) {
                assertThat(two[k]).as("trajectory %d value %d", r, k).isCloseTo(expected[k], within(1e-12));
            }
        }
    }

    @Test
    void uniformScaledStateFollowsTheReactionWithTheDatasetsConstants() {
        // the min-max constants by hand, from the unscaled frames of the same request
        Trajectories raw = dataset.generate(params("none"), request);
        double[][] range = new double[2][];
        for (int c = 0; c < 2; c++) {
            INDArray channel = raw.frames().get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(c));
            range[c] = new double[] {channel.minNumber().doubleValue(), channel.maxNumber().doubleValue()};
        }
        double ya = 0.7;
        double yb = 0.2;
        double a = range[0][0] + ya * (range[0][1] - range[0][0]);
        double b = range[1][0] + yb * (range[1][1] - range[1][0]);
        for (int s = 0; s < 3; s++) {
            // explicit Euler of the reaction alone, dt = 0.5
            double ab2 = a * b * b;
            double nextA = a + 0.5 * (-ab2 + FEED * (1 - a));
            double nextB = b + 0.5 * (ab2 - (KILL + FEED) * b);
            a = nextA;
            b = nextB;
        }
        INDArray uniform = Nd4j.create(DataType.DOUBLE, 1, 2, 12, 12);
        uniform.get(NDArrayIndex.all(), NDArrayIndex.point(0)).assign(ya);
        uniform.get(NDArrayIndex.all(), NDArrayIndex.point(1)).assign(yb);

        INDArray after = dataset.trueDynamics(params("minmax"), request).orElseThrow().advance(uniform, 3);

        double expectedA = (a - range[0][0]) / (range[0][1] - range[0][0]);
        double expectedB = (b - range[1][0]) / (range[1][1] - range[1][0]);
        assertThat(after.getDouble(0, 0, 5, 7)).isCloseTo(expectedA, within(1e-12));
        assertThat(after.getDouble(0, 1, 11, 0)).isCloseTo(expectedB, within(1e-12));
        assertThat(after.get(NDArrayIndex.all(), NDArrayIndex.point(0)).maxNumber().doubleValue())
                .isCloseTo(expectedA, within(1e-12));
        assertThat(expectedA).as("the state moved").isNotCloseTo(ya, within(1e-3));
    }

    @Test
    void unscaledFramesAreAdvancedAsConcentrations() {
        INDArray fixedPoint = Nd4j.create(DataType.FLOAT, 2, 2, 12, 12);
        fixedPoint.get(NDArrayIndex.all(), NDArrayIndex.point(0)).assign(1.0);
        INDArray after = dataset.trueDynamics(params("none"), request).orElseThrow().advance(fixedPoint, 10);
        assertThat(after.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(NdValues.of(after)).containsExactly(NdValues.of(fixedPoint));
    }
}
