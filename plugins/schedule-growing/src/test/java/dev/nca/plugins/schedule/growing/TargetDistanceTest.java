package dev.nca.plugins.schedule.growing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TargetDistanceTest {

    @Test
    void observableChannelsOnlyWithAHandWorkedValue() {
        // B = 2, C = 3 (2 observable), S = 2
        INDArray states = Nd4j.zeros(DataType.DOUBLE, 2, 3, 2, 2);
        INDArray targets = Nd4j.zeros(DataType.DOUBLE, 2, 2, 2, 2);
        states.putScalar(new long[] {0, 0, 0, 0}, 3.0);
        states.putScalar(new long[] {0, 1, 1, 1}, 4.0);
        states.putScalar(new long[] {0, 2, 0, 1}, 100.0); // hidden: ignored
        targets.putScalar(new long[] {1, 1, 0, 1}, 2.0);
        states.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1),
                org.nd4j.linalg.indexing.NDArrayIndex.point(2)).assign(-50.0); // hidden: ignored
        double[] d = TargetDistance.of(states, targets);
        assertThat(d[0]).isCloseTo(5.0, within(1e-12)); // sqrt(9 + 16)
        assertThat(d[1]).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void matchesALoopOverRandomValues() {
        INDArray states = TestArrays.uniform(3, -1, 1, DataType.FLOAT, 3, 5, 4, 4);
        INDArray targets = TestArrays.uniform(4, 0, 1, DataType.FLOAT, 3, 4, 4, 4);
        double[] d = TargetDistance.of(states, targets);
        for (int b = 0; b < 3; b++) {
            double sum = 0;
            for (int c = 0; c < 4; c++) {
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 4; j++) {
                        double diff = states.getDouble(b, c, i, j) - targets.getDouble(b, c, i, j);
                        sum += diff * diff;
                    }
                }
            }
            assertThat(d[b]).as("sample %d", b).isCloseTo(Math.sqrt(sum), within(1e-5));
        }
    }

    @Test
    void worstFirstWithTiesInBatchOrderAndNanFirst() {
        assertThat(TargetDistance.worstFirst(new double[] {1.0, 3.0, 2.0, 3.0, 0.5}))
                .containsExactly(1, 3, 2, 0, 4);
        assertThat(TargetDistance.worstFirst(new double[] {1.0, Double.NaN, 7.0})).containsExactly(1, 2, 0);
        assertThat(TargetDistance.worstFirst(new double[] {2.0, 2.0, 2.0})).containsExactly(0, 1, 2);
    }

    @Test
    void mismatchedShapesAreRejected() {
        assertThatThrownBy(() -> TargetDistance.of(Nd4j.zeros(DataType.DOUBLE, 2, 3, 4, 4),
                Nd4j.zeros(DataType.DOUBLE, 2, 4, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not match");
    }
}
