package dev.nca.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisScaleTest {

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(AxisScale.niceStep(0.13)).isCloseTo(0.2, within(1e-15));
        assertThat(AxisScale.niceStep(3)).isEqualTo(5);
        assertThat(AxisScale.niceStep(7)).isEqualTo(10);
        assertThat(AxisScale.niceStep(1000)).isEqualTo(1000);
    }

    @Test
    void linearTicksCoverTheRangeWithReadableLabels() {
        AxisScale x = AxisScale.linear(0, 100, true);
        assertThat(x.ticks()).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0, 100.0);
        assertThat(x.label(40)).isEqualTo("40");
        assertThat(x.fraction(x.min())).isZero();
        assertThat(x.fraction(x.max())).isEqualTo(1.0);
        AxisScale y = AxisScale.linear(0.3, 0.5, false);
        assertThat(y.label(0.35)).isEqualTo("0.35");
        assertThat(y.ticks()).allSatisfy(t -> assertThat(t).isBetween(y.min(), y.max()));
    }

    @Test
    void integralAxesNeverTickBetweenIntegers() {
        AxisScale x = AxisScale.linear(0, 3, true);
        assertThat(x.ticks()).containsExactly(0.0, 1.0, 2.0, 3.0);
        AxisScale one = AxisScale.linear(5, 5, true);
        assertThat(one.ticks()).containsExactly(4.0, 5.0, 6.0);
    }

    @Test
    void logTicksSitOnDecades() {
        AxisScale y = AxisScale.log(2e-4, 3);
        List<Double> ticks = y.ticks();
        assertThat(ticks).hasSize(4);
        assertThat(ticks.get(0)).isCloseTo(1e-3, within(1e-12));
        assertThat(ticks.get(3)).isCloseTo(1, within(1e-12));
        assertThat(y.label(1e-3)).isEqualTo("0.001");
        assertThat(y.label(1e-5)).isEqualTo("1e-5");
        assertThat(y.label(100)).isEqualTo("100");
        assertThat(y.minorTicks()).contains(2e-4, 5.0e-3, 2.0);
        assertThat(y.fraction(Math.sqrt(y.min() * y.max()))).isCloseTo(0.5, within(1e-12));
        AxisScale wide = AxisScale.log(1e-20, 1);
        assertThat(wide.ticks().size()).isBetween(4, 11);
        assertThat(wide.minorTicks()).isEmpty();
    }

    @Test
    void scientificLabelsAreShort() {
        assertThat(AxisScale.scientific(1.5e-5)).isEqualTo("1.5e-5");
        assertThat(AxisScale.scientific(2e7)).isEqualTo("2e7");
        assertThat(AxisScale.linear(0, 4e6, false).label(2e6)).isEqualTo("2e6");
    }
}
