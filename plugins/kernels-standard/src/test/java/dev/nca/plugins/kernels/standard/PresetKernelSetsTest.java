package dev.nca.plugins.kernels.standard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.testkit.KernelSetContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The presets: names, order and values of their members. */
class PresetKernelSetsTest {

    private static void assertMembers(Kernels k, String[] names, double[][]... stencils) {
        assertThat(k.names()).containsExactly(names);
        for (int i = 0; i < stencils.length; i++) {
            assertThat(k.stencil(i)).as("stencil %d", i).isDeepEqualTo(stencils[i]);
        }
    }

    @Nested
    class IdLap extends KernelSetContract {
        @Override
        protected KernelSet kernelSet() {
            return new IdLapKernels();
        }

        @Test
        void identityThenLaplacian() {
            Kernels k = kernelSet().kernels(params());
            assertThat(kernelSet().name()).isEqualTo("id-lap");
            assertMembers(k, new String[] {"identity", "laplacian"}, Stencils.identity(), Stencils.laplacian());
            assertThat(k.rotationSymmetric()).isTrue();
        }
    }

    @Nested
    class IdSobelLap extends KernelSetContract {
        @Override
        protected KernelSet kernelSet() {
            return new IdSobelLapKernels();
        }

        @Test
        void identitySobelXSobelYLaplacian() {
            Kernels k = kernelSet().kernels(params());
            assertThat(kernelSet().name()).isEqualTo("id-sobel-lap");
            assertMembers(k, new String[] {"identity", "sobel-x", "sobel-y", "laplacian"}, Stencils.identity(),
                    Stencils.sobelX(), Stencils.sobelY(), Stencils.laplacian());
            assertThat(k.rotationSymmetric()).isFalse();
        }
    }

    @Nested
    class IdLapAvg extends KernelSetContract {
        @Override
        protected KernelSet kernelSet() {
            return new IdLapAvgKernels();
        }

        @Test
        void identityLaplacianAverage() {
            Kernels k = kernelSet().kernels(params());
            assertThat(kernelSet().name()).isEqualTo("id-lap-avg");
            assertMembers(k, new String[] {"identity", "laplacian", "average"}, Stencils.identity(),
                    Stencils.laplacian(), Stencils.average());
            assertThat(k.rotationSymmetric()).isTrue();
        }
    }

    @Test
    void stencilsAreFreshCopies() {
        double[][] a = Stencils.laplacian();
        a[1][1] = 99;
        assertThat(Stencils.laplacian()[1][1]).isEqualTo(-3.0);
    }
}
