package dev.nca.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GradientCheckerTest {

    /** f(x) = sum x^3 + x[0,0] * x[1,2]; gradient 3x^2, plus the cross terms. */
    private static final ToDoubleFunction<INDArray> F = x -> {
        double s = 0;
        for (double v : NdValues.of(x)) {
            s += v * v * v;
        }
        return s + x.getDouble(0, 0) * x.getDouble(1, 2);
    };

    private static INDArray point() {
        return Nd4j.create(new double[] {0.5, -1.0, 2.0, 0.25, 1.5, -0.75}, new long[] {2, 3}, DataType.DOUBLE);
    }

    private static INDArray gradient(INDArray x) {
        double[] v = NdValues.of(x);
        double[] g = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            g[i] = 3 * v[i] * v[i];
        }
        g[0] += v[5];
        g[5] += v[0];
        return Nd4j.create(g, new long[] {2, 3}, DataType.DOUBLE);
    }

    @Test
    void correctGradientPasses() {
        INDArray x = point();
        INDArray before = x.dup();
        GradientChecker.Result r = GradientChecker.standard().compare(F, x, gradient(x));
        assertThat(r.passed()).isTrue();
        assertThat(r.checked()).isEqualTo(6);
        assertThat(NdValues.of(x)).as("input unchanged").containsExactly(NdValues.of(before));
    }

    @Test
    void wrongEntryIsReportedWithIndexAndValues() {
        INDArray x = point();
        INDArray g = gradient(x);
        g.putScalar(new long[] {1, 1}, 99.0);
        GradientChecker.Result r = GradientChecker.standard().compare(F, x, g);
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).isEqualTo(1);
        assertThat(r.worstIndex()).containsExactly(1, 1);
        assertThat(r.analytic()).isEqualTo(99.0);
        assertThat(r.numeric()).isCloseTo(3 * 1.5 * 1.5, within(1e-6));
        assertThatThrownBy(() -> GradientChecker.standard().check("cubic", F, x, g))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("cubic")
                .hasMessageContaining("[1, 1]")
                .hasMessageContaining("analytic 99.0")
                .hasMessageContaining("1 of 6");
    }

    @Test
    void missingCrossTermIsCaught() {
        INDArray x = point();
        INDArray g = gradient(x);
        g.putScalar(new long[] {0, 0}, 3 * 0.5 * 0.5);
        assertThat(GradientChecker.standard().compare(F, x, g).worstIndex()).containsExactly(0, 0);
    }

    @Test
    void sumOfAddsPerSampleValues() {
        INDArray x = Nd4j.create(new double[] {1, 2, 3, 4}, new long[] {2, 2}, DataType.DOUBLE);
        double s = GradientChecker.sumOf(a -> a.mul(a).sum(1)).applyAsDouble(x);
        assertThat(s).isEqualTo(1 + 4 + 9 + 16);
    }

    @Test
    void rejectsFloat32AndShapeMismatch() {
        INDArray x = point();
        assertThatThrownBy(() -> GradientChecker.standard().compare(F, x.castTo(DataType.FLOAT), gradient(x)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("float64");
        assertThatThrownBy(() -> GradientChecker.standard().compare(F, x, gradient(x).reshape(3, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape");
        assertThatThrownBy(() -> GradientChecker.standard().withStep(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toleranceIsConfigurable() {
        INDArray x = point();
        INDArray g = gradient(x).add(1e-3);
        assertThat(GradientChecker.standard().compare(F, x, g).passed()).isFalse();
        assertThat(GradientChecker.standard().withTolerance(0, 2e-3).compare(F, x, g).passed()).isTrue();
    }
}
