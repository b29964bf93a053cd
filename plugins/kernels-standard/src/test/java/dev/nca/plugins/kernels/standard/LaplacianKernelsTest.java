package dev.nca.plugins.kernels.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.testkit.KernelSetContract;
import org.junit.jupiter.api.Test;

class LaplacianKernelsTest extends KernelSetContract {

    @Override
    protected KernelSet kernelSet() {
        return new LaplacianKernels();
    }

    private double[][] stencil() {
        return Fields.only(kernelSet().kernels(params()));
    }

    @Test
    void exactValues() {
        Kernels k = kernelSet().kernels(params());
        assertThat(kernelSet().name()).isEqualTo("laplacian");
        assertThat(k.names()).containsExactly("laplacian");
        assertThat(Fields.only(k)).isDeepEqualTo(new double[][] {{0.25, 0.5, 0.25}, {0.5, -3, 0.5}, {0.25, 0.5, 0.25}});
        assertThat(k.rotationSymmetric()).isTrue();
    }

    @Test
    void constantAndLinearFieldsGiveZero() {
        assertThat(Fields.correlate(stencil(), (i, j) -> 5, 2, 2)).isCloseTo(0.0, within(1e-12));
        assertThat(Fields.correlate(stencil(), (i, j) -> 3 * i - 2 * j + 1, 2, 2)).isCloseTo(0.0, within(1e-12));
        assertThat(Fields.correlate(stencil(), (i, j) -> i * j, 2, 3)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void quadraticsGiveTheirLaplacian() {
        // d2/di2 (i^2) = 2, and (i^2 + j^2) -> 4, (3 i^2 - j^2) -> 6 - 2 = 4, at any cell
        assertThat(Fields.correlate(stencil(), (i, j) -> i * i, 4, 1)).isCloseTo(2.0, within(1e-12));
        assertThat(Fields.correlate(stencil(), (i, j) -> i * i + j * j, -3, 7)).isCloseTo(4.0, within(1e-12));
        assertThat(Fields.correlate(stencil(), (i, j) -> 3 * i * i - j * j, 2, 2)).isCloseTo(4.0, within(1e-12));
    }
}
