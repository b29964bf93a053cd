package dev.nca.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FloatMatricesTest {

    @Test
    void transposesARowMajorMatrix() {
        // [[1, 2, 3], [4, 5, 6]] -> [[1, 4], [2, 5], [3, 6]]
        assertThat(FloatMatrices.transpose(new float[] {1, 2, 3, 4, 5, 6}, 2, 3))
                .containsExactly(1, 4, 2, 5, 3, 6);
        float[] m = {1, 2, 3, 4, 5, 6};
        assertThat(FloatMatrices.transpose(FloatMatrices.transpose(m, 2, 3), 3, 2)).containsExactly(m);
    }

    @Test
    void refusesAShapeThatDoesNotMatchTheValues() {
        assertThatThrownBy(() -> FloatMatrices.transpose(new float[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 x 3");
    }
}
