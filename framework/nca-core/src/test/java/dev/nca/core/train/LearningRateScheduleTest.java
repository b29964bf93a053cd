package dev.nca.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.core.train.LearningRateSchedule.Kind;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void constantNeverChanges() {
        LearningRateSchedule s = LearningRateSchedule.constant(3e-3);
        assertThat(s.rate(0)).isEqualTo(3e-3);
        assertThat(s.rate(123_456)).isEqualTo(3e-3);
    }

    @Test
    void cosineRunsFromFirstToLastThroughTheMidpoint() {
        // 5 epochs: p = 0, 1/4, 1/2, 3/4, 1; (1 + cos(pi p)) / 2 = 1, (2 + sqrt 2) / 4, 1/2, (2 - sqrt 2) / 4, 0
        LearningRateSchedule s = new LearningRateSchedule(Kind.COSINE, 1.0, 0.2, 5);
        double r = Math.sqrt(2);
        assertThat(s.rate(0)).isCloseTo(1.0, within(1e-15));
        assertThat(s.rate(1)).isCloseTo(0.2 + 0.8 * (2 + r) / 4, within(1e-15));
        assertThat(s.rate(2)).isCloseTo(0.6, within(1e-15));
        assertThat(s.rate(3)).isCloseTo(0.2 + 0.8 * (2 - r) / 4, within(1e-15));
        assertThat(s.rate(4)).isCloseTo(0.2, within(1e-15));
        assertThat(s.rate(9)).as("a resumed run past the end keeps the last rate").isCloseTo(0.2, within(1e-15));
    }

    @Test
    void exponentialIsGeometric() {
        // 3 epochs from 1e-2 to 1e-4: the middle epoch is the geometric mean
        LearningRateSchedule s = new LearningRateSchedule(Kind.EXPONENTIAL, 1e-2, 1e-4, 3);
        assertThat(s.rate(0)).isCloseTo(1e-2, within(1e-17));
        assertThat(s.rate(1)).isCloseTo(1e-3, within(1e-17));
        assertThat(s.rate(2)).isCloseTo(1e-4, within(1e-17));
    }

    @Test
    void aOneEpochScheduleUsesTheFirstRate() {
        assertThat(new LearningRateSchedule(Kind.COSINE, 0.5, 0.1, 1).rate(0)).isEqualTo(0.5);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new LearningRateSchedule(Kind.COSINE, 0, 0.1, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LearningRateSchedule(Kind.EXPONENTIAL, 0.1, -1, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LearningRateSchedule(Kind.CONSTANT, 0.1, 0.2, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LearningRateSchedule.constant(1).rate(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
