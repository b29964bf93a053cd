package dev.nca.plugins.dataset.bz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.DataRequest;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.Split;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The BZ true dynamics on a uniform state (the 3 x 3 means are the values themselves, so one update
 * is the reaction map worked out by hand), with the channels in a permuted order.
 */
class BzDynamicsTest {

    private final BzDataset dataset = new BzDataset();
    private final DataRequest request = new DataRequest(Split.TRAIN, new RandomSource(1), DataType.DOUBLE,
            OptionalInt.empty());

    private Params params(List<String> observe) {
        Map<String, Object> raw = new HashMap<>(Map.of("size", 6L, "alpha", 1.2, "beta", 0.9, "gamma", 1.1,
                "steps", 4L, "save_every", 2L));
        raw.put("observe", observe);
        return Params.validate(dataset.parameters(), raw, "test.toml [data.params]");
    }

    @Test
    void aUniformStateFollowsTheReactionMapInTheObservedChannelOrder() {
        double a = 0.3;
        double b = 0.5;
        double c = 0.4;
        INDArray state = Nd4j.create(DataType.DOUBLE, 1, 3, 6, 6);
        // channels c, a, b
        state.get(NDArrayIndex.all(), NDArrayIndex.point(0)).assign(c);
        state.get(NDArrayIndex.all(), NDArrayIndex.point(1)).assign(a);
        state.get(NDArrayIndex.all(), NDArrayIndex.point(2)).assign(b);
        var truth = dataset.trueDynamics(params(List.of("c", "a", "b")), request).orElseThrow();
        assertThat(truth.stepsPerFrame()).isEqualTo(2);

        INDArray next = truth.advance(state, 1);

        double nextA = Math.min(1, Math.max(0, a + a * (1.2 * b - 1.1 * c)));
        double nextB = Math.min(1, Math.max(0, b + b * (0.9 * c - 1.2 * a)));
        double nextC = Math.min(1, Math.max(0, c + c * (1.1 * a - 0.9 * b)));
        assertThat(next.getDouble(0, 0, 2, 3)).isCloseTo(nextC, within(1e-14));
        assertThat(next.getDouble(0, 1, 5, 0)).isCloseTo(nextA, within(1e-14));
        assertThat(next.getDouble(0, 2, 0, 5)).isCloseTo(nextB, within(1e-14));
    }

    @Test
    void noTrueDynamicsWhenASpeciesIsHidden() {
        assertThat(dataset.trueDynamics(params(List.of("a", "b")), request)).isEmpty();
    }
}
