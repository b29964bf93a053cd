package dev.nca.plugins.kernels.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.testkit.KernelSetContract;
import org.junit.jupiter.api.Test;

class AverageKernelsTest extends KernelSetContract {

    @Override
    protected KernelSet kernelSet() {
        return new AverageKernels();
    }

    @Test
    void exactValues() {
        Kernels k = kernelSet().kernels(params());
        assertThat(kernelSet().name()).isEqualTo("average");
        assertThat(k.names()).containsExactly("average");
        for (double[] row : Fields.only(k)) {
            assertThat(row).containsExactly(1.0 / 9, 1.0 / 9, 1.0 / 9);
        }
        assertThat(k.rotationSymmetric()).isTrue();
    }

    @Test
    void averagesTheNeighbourhood() {
        // values 0..8 around (1, 1) of f = 3i + j: their mean is 4
        assertThat(Fields.correlate(Fields.only(kernelSet().kernels(params())), (i, j) -> 3 * i + j, 1, 1))
                .isCloseTo(4.0, within(1e-12));
    }
}
