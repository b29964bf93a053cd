package dev.nca.plugins.kernels.standard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.testkit.KernelSetContract;
import org.junit.jupiter.api.Test;

class IdentityKernelsTest extends KernelSetContract {

    @Override
    protected KernelSet kernelSet() {
        return new IdentityKernels();
    }

    @Test
    void exactValues() {
        Kernels k = kernelSet().kernels(params());
        assertThat(kernelSet().name()).isEqualTo("identity");
        assertThat(k.names()).containsExactly("identity");
        assertThat(Fields.only(k)).isDeepEqualTo(new double[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}});
        assertThat(k.rotationSymmetric()).isTrue();
    }

    @Test
    void readsTheCellItself() {
        assertThat(Fields.correlate(Fields.only(kernelSet().kernels(params())), (i, j) -> 10 * i + j, 3, 4))
                .isEqualTo(34.0);
    }
}
