package dev.nca.plugins.schedule.growing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class SeedStateTest {

    @Test
    void oneCellWithAlphaAndHiddenChannelsSetToOne() {
        int channels = 7;
        int size = 5;
        INDArray seed = SeedState.create(channels, size, 3, 1, 4, DataType.DOUBLE);
        assertThat(seed.shape()).containsExactly(channels, size, size);
        assertThat(seed.dataType()).isEqualTo(DataType.DOUBLE);
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    double expected = c >= 3 && i == 1 && j == 4 ? 1.0 : 0.0;
                    assertThat(seed.getDouble(c, i, j)).as("channel %d cell (%d, %d)", c, i, j).isEqualTo(expected);
                }
            }
        }
        assertThat(seed.sumNumber().doubleValue()).isEqualTo(4.0);
    }

    @Test
    void alphaAsFirstChannelAndFloat32() {
        INDArray seed = SeedState.create(2, 3, 0, 1, 1, DataType.FLOAT);
        assertThat(seed.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(seed.castTo(DataType.DOUBLE).data().asDouble())
                .containsExactly(0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0);
    }

    @Test
    void outOfRangeIndicesAreRejected() {
        assertThatThrownBy(() -> SeedState.create(4, 5, 4, 0, 0, DataType.DOUBLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha channel 4 outside 0..3");
        assertThatThrownBy(() -> SeedState.create(4, 5, 3, 5, 0, DataType.DOUBLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(5, 0) outside the 5x5 lattice");
    }
}
