package dev.nca.plugins.kernels.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.testkit.KernelSetContract;
import org.junit.jupiter.api.Test;

class SobelXKernelsTest extends KernelSetContract {

    @Override
    protected KernelSet kernelSet() {
        return new SobelXKernels();
    }

    @Test
    void exactValues() {
        Kernels k = kernelSet().kernels(params());
        assertThat(kernelSet().name()).isEqualTo("sobel-x");
        assertThat(k.names()).containsExactly("sobel-x");
        assertThat(Fields.only(k)).isDeepEqualTo(new double[][] {
            {0.125, 0.25, 0.125}, {0, 0, 0}, {-0.125, -0.25, -0.125}});
        assertThat(k.rotationSymmetric()).isFalse();
    }

    @Test
    void rampsAlongRowsAndColumns() {
        double[][] s = Fields.only(kernelSet().kernels(params()));
        // f = i: (4 (i-1) - 4 (i+1)) / 8 = -1 ; f = j: each row sums to zero -> 0
        assertThat(Fields.correlate(s, (i, j) -> i, 5, 2)).isCloseTo(-1.0, within(1e-12));
        assertThat(Fields.correlate(s, (i, j) -> j, 5, 2)).isCloseTo(0.0, within(1e-12));
        assertThat(Fields.correlate(s, (i, j) -> 7, 5, 2)).isCloseTo(0.0, within(1e-12));
    }
}
