package dev.nca.plugins.schedule.growing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.testkit.NdValues;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SamplePoolTest {

    private static INDArray seed() {
        return SeedState.create(3, 4, 1, 2, 2, DataType.DOUBLE);
    }

    @Test
    void everySlotStartsAsTheSeed() {
        SamplePool pool = new SamplePool(5, seed());
        assertThat(pool.size()).isEqualTo(5);
        assertThat(pool.stateShape()).containsExactly(3, 4, 4);
        for (int s = 0; s < 5; s++) {
            assertThat(pool.untouched(s)).isTrue();
            assertThat(NdValues.of(pool.state(s))).containsExactly(NdValues.of(seed()));
        }
    }

    @Test
    void putStoresACopyOfOneSlotOnly() {
        SamplePool pool = new SamplePool(4, seed());
        INDArray state = TestArrays.uniform(1, 0.5, 1.5, DataType.DOUBLE, 3, 4, 4);
        double[] expected = NdValues.of(state);
        pool.put(2, state);
        state.assign(-7.0); // the caller's array is not kept
        assertThat(NdValues.of(pool.state(2))).containsExactly(expected);
        for (int s : new int[] {0, 1, 3}) {
            assertThat(pool.untouched(s)).as("slot %d", s).isTrue();
            assertThat(NdValues.of(pool.state(s))).containsExactly(NdValues.of(seed()));
        }
        assertThat(pool.untouched(2)).isFalse();
    }

    @Test
    void putAcceptsAViewAndConvertsTheDataType() {
        SamplePool pool = new SamplePool(2, seed());
        INDArray batch = TestArrays.uniform(2, 0.5, 1.5, DataType.FLOAT, 2, 3, 4, 4);
        pool.put(1, batch.slice(1));
        assertThat(pool.state(1).dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(NdValues.of(pool.state(1))).containsExactly(NdValues.of(batch.slice(1)));
    }

    @Test
    void wrongShapesAndSlotsAreRejected() {
        SamplePool pool = new SamplePool(2, seed());
        assertThatThrownBy(() -> pool.put(0, Nd4j.zeros(DataType.DOUBLE, 3, 5, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> pool.state(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slot 2 outside 0..1");
        assertThatThrownBy(() -> pool.sample(3, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 distinct slots");
        assertThatThrownBy(() -> new SamplePool(0, seed())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void samplesAreDistinctAndWithinThePool() {
        SamplePool pool = new SamplePool(10, seed());
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int[] s = pool.sample(7, rng);
            assertThat(s).hasSize(7).doesNotHaveDuplicates();
            assertThat(Arrays.stream(s).allMatch(v -> v >= 0 && v < 10)).isTrue();
        }
        int[] all = pool.sample(10, rng);
        assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(pool.sample(0, rng)).isEmpty();
    }

    @Test
    void samplingIsUniformOverSlotsAndPositions() {
        int p = 8;
        int n = 4000;
        SamplePool pool = new SamplePool(p, seed());
        SplittableRandom rng = new SplittableRandom(11);
        int[] chosen = new int[p];
        int[] first = new int[p];
        for (int t = 0; t < n; t++) {
            int[] s = pool.sample(3, rng);
            first[s[0]]++;
            for (int v : s) {
                chosen[v]++;
            }
        }
        // each slot is in a sample with probability 3/8; first position holds each slot with prob 1/8
        double pIn = 3.0 / p;
        double pFirst = 1.0 / p;
        for (int v = 0; v < p; v++) {
            assertThat((double) chosen[v]).as("slot %d chosen", v)
                    .isCloseTo(n * pIn, within(5 * Math.sqrt(n * pIn * (1 - pIn))));
            assertThat((double) first[v]).as("slot %d first", v)
                    .isCloseTo(n * pFirst, within(5 * Math.sqrt(n * pFirst * (1 - pFirst))));
        }
    }

    @Test
    void sameStreamSameSample() {
        SamplePool pool = new SamplePool(100, seed());
        assertThat(pool.sample(20, new SplittableRandom(5))).containsExactly(pool.sample(20, new SplittableRandom(5)));
    }
}
