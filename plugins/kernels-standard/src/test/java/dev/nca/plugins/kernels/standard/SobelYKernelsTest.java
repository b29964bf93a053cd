package dev.nca.plugins.kernels.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.testkit.KernelSetContract;
import org.junit.jupiter.api.Test;

class SobelYKernelsTest extends KernelSetContract {

    @Override
    protected KernelSet kernelSet() {
        return new SobelYKernels();
    }

    @Test
    void exactValues() {
        Kernels k = kernelSet().kernels(params());
        assertThat(kernelSet().name()).isEqualTo("sobel-y");
        assertThat(k.names()).containsExactly("sobel-y");
        assertThat(Fields.only(k)).isDeepEqualTo(new double[][] {
            {0.125, 0, -0.125}, {0.25, 0, -0.25}, {0.125, 0, -0.125}});
        assertThat(k.rotationSymmetric()).isFalse();
    }

    @Test
    void rampsAlongRowsAndColumns() {
        double[][] s = Fields.only(kernelSet().kernels(params()));
        assertThat(Fields.correlate(s, (i, j) -> j, 2, 5)).isCloseTo(-1.0, within(1e-12));
        assertThat(Fields.correlate(s, (i, j) -> i, 2, 5)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void isSobelXRotatedByNinetyDegrees() {
        double[][] x = Stencils.sobelX();
        double[][] y = Fields.only(kernelSet().kernels(params()));
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                // transposing sobel-x gives sobel-y
                assertThat(y[a][b]).isEqualTo(x[b][a]);
            }
        }
    }
}
