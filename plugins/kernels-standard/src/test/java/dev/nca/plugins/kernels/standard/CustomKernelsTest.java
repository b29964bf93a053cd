package dev.nca.plugins.kernels.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.InvalidParameterException;
import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.api.Params;
import dev.nca.testkit.KernelSetContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomKernelsTest extends KernelSetContract {

    private static final List<Object> TWO = List.of(
            0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0,
            1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);

    @Override
    protected KernelSet kernelSet() {
        return new CustomKernels();
    }

    @Override
    protected Map<String, Object> validParams() {
        return Map.of("stencils", TWO);
    }

    private Kernels kernels(Map<String, ?> raw) {
        return kernelSet().kernels(Params.validate(kernelSet().parameters(), raw, "recipe.toml [model.kernel_params]"));
    }

    @Test
    void entriesAreRowMajorPerStencilWithDefaultNames() {
        Kernels k = kernels(validParams());
        assertThat(k.names()).containsExactly("k0", "k1");
        assertThat(k.stencil(0)).isDeepEqualTo(new double[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}});
        assertThat(k.stencil(1)).isDeepEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        assertThat(k.rotationSymmetric()).isFalse();
    }

    @Test
    void namesAreUsedAndSymmetryComputed() {
        List<Object> symmetric = List.of(0.0, 1.0, 0.0, 1.0, -4.0, 1.0, 0.0, 1.0, 0.0);
        Kernels k = kernels(Map.of("stencils", symmetric, "names", List.of("lap5")));
        assertThat(k.names()).containsExactly("lap5");
        assertThat(k.rotationSymmetric()).isTrue();
    }

    @Test
    void lengthNotMultipleOfNineIsRejectedClearly() {
        assertThatThrownBy(() -> kernels(Map.of("stencils", List.of(1.0, 2.0, 3.0, 4.0))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("recipe.toml [model.kernel_params]")
                .hasMessageContaining("'stencils'")
                .hasMessageContaining("multiple of 9")
                .hasMessageContaining("got 4 entries");
        assertThatThrownBy(() -> kernels(Map.of("stencils", List.of())))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("non-empty");
    }

    @Test
    void wrongNumberOfNamesIsRejected() {
        assertThatThrownBy(() -> kernels(Map.of("stencils", TWO, "names", List.of("only-one"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'names'")
                .hasMessageContaining("2 names");
        assertThatThrownBy(() -> kernels(Map.of("stencils", TWO, "names", List.of("a", "a"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("distinct");
    }

    @Test
    void stencilsAreRequired() {
        assertThatThrownBy(() -> kernels(Map.of()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'stencils'")
                .hasMessageContaining("required");
    }
}
