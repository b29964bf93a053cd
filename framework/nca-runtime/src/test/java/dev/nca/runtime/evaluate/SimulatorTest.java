package dev.nca.runtime.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SimulatorTest {

    @Test
    void recordsStartEveryKthStepAndTheLast() {
        assertThat(Simulator.recordedSteps(4, 2)).containsExactly(0, 2, 4);
        assertThat(Simulator.recordedSteps(5, 2)).containsExactly(0, 2, 4, 5);
        assertThat(Simulator.recordedSteps(3, 5)).containsExactly(0, 3);
        assertThat(Simulator.recordedSteps(1, 1)).containsExactly(0, 1);
        assertThatThrownBy(() -> Simulator.recordedSteps(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handsOverFullStatesAtTheRecordedSteps() {
        INDArray start = Nd4j.rand(DataType.DOUBLE, 1, 3, 4, 4);
        INDArray before = start.dup();
        List<Integer> steps = new ArrayList<>();
        List<INDArray> states = new ArrayList<>();

        new Simulator(DriftModel.engine(4), DriftModel.parameters()).run(start, 5, 2, 3L, (step, state) -> {
            steps.add(step);
            states.add(state);
        });

        assertThat(steps).containsExactly(0, 2, 4, 5);
        assertThat(start).isEqualTo(before);
        for (int k = 0; k < steps.size(); k++) {
            assertThat(states.get(k).shape()).containsExactly(3, 4, 4);
            for (int c = 0; c < 3; c++) {
                // the drift model adds v every step, hidden channel included
                assertThat(states.get(k).getDouble(c, 3, 1))
                        .isCloseTo(start.getDouble(0, c, 3, 1) + steps.get(k) * DriftModel.V[c], within(1e-12));
            }
        }
    }

    @Test
    void seedCellIsOneLivingCellInTheCentre() {
        org.nd4j.linalg.api.ndarray.INDArray seed = StartStates.seedCell(6, 4, 5,
                org.nd4j.linalg.api.buffer.DataType.FLOAT);
        org.assertj.core.api.Assertions.assertThat(seed.shape()).containsExactly(1, 6, 5, 5);
        // channels 3 (alpha), 4 and 5 (hidden) are 1 at (2, 2): three ones in all
        org.assertj.core.api.Assertions.assertThat(seed.sumNumber().doubleValue()).isEqualTo(3.0);
        for (int c = 0; c < 6; c++) {
            org.assertj.core.api.Assertions.assertThat(seed.getDouble(0, c, 2, 2)).isEqualTo(c >= 3 ? 1.0 : 0.0);
        }
    }
}
