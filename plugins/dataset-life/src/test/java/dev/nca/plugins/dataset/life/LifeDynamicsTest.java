package dev.nca.plugins.dataset.life;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.DataRequest;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.api.Split;
import dev.nca.api.TrueDynamics;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Life's true dynamics on patterns whose future is known by hand: a blinker and a glider. */
class LifeDynamicsTest {

    private final LifeDataset dataset = new LifeDataset();
    private final TrueDynamics truth = dataset.trueDynamics(
            Params.validate(dataset.parameters(), Map.of("size", 8L), "test.toml [data.params]"),
            new DataRequest(Split.TRAIN, new RandomSource(1), DataType.FLOAT, OptionalInt.empty())).orElseThrow();

    @Test
    void aPerturbedBlinkerIsThresholdedAtOneHalfAndTurns() {
        // a horizontal blinker at row 3, columns 2..4, drawn as 0.9 on a background of 0.2
        INDArray state = Nd4j.valueArrayOf(new long[] {1, 1, 8, 8}, 0.2, DataType.FLOAT);
        for (int j = 2; j <= 4; j++) {
            state.putScalar(new long[] {0, 0, 3, j}, 0.9);
        }
        assertThat(truth.stepsPerFrame()).isEqualTo(1);

        INDArray next = truth.advance(state, 1);

        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                double expected = j == 3 && i >= 2 && i <= 4 ? 1.0 : 0.0;
                assertThat(next.getDouble(0, 0, i, j)).as("cell %d, %d", i, j).isEqualTo(expected);
            }
        }
    }

    @Test
    void aGliderMovesOneCellDiagonallyEveryFourGenerationsAcrossTheEdge() {
        int[][] glider = {{0, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}};
        INDArray state = Nd4j.create(DataType.DOUBLE, 1, 1, 8, 8);
        for (int[] c : glider) {
            state.putScalar(new long[] {0, 0, c[0] + 5, c[1] + 5}, 1.0);
        }
        // 12 generations: 3 cells down and right, wrapping around the torus
        INDArray later = truth.advance(state, 12);
        assertThat(later.sumNumber().doubleValue()).isEqualTo(5.0);
        for (int[] c : glider) {
            assertThat(later.getDouble(0, 0, (c[0] + 8) % 8, (c[1] + 8) % 8)).isEqualTo(1.0);
        }
    }
}
