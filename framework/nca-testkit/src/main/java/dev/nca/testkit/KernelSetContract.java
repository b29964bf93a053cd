package dev.nca.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import org.junit.jupiter.api.Test;

/**
 * Contract for {@link KernelSet} extensions. Extend it in a JUnit 5 test class and implement
 * {@link #kernelSet()}; override {@link #validParams()} if the set needs parameters.
 *
 * <pre>{@code
 * class LaplacianKernelsTest extends KernelSetContract {
 *     protected KernelSet kernelSet() { return new LaplacianKernels(); }
 * }
 * }</pre>
 *
 * <p>Checks: at least one stencil, each 3x3 with finite entries and a non-blank name; names are
 * unique; the {@code rotationSymmetric} flag equals what {@link Kernels#isRotationSymmetric}
 * computes for every stencil; two calls give the same stencils. Values themselves are the
 * author's to test.
 */
public abstract class KernelSetContract extends NamedExtensionContract<KernelSet> {

    /** The kernel set under test. */
    protected abstract KernelSet kernelSet();

    @Override
    protected final KernelSet extension() {
        return kernelSet();
    }

    private Kernels kernels() {
        return kernelSet().kernels(params());
    }

    @Test
    public void stencilsAreFinite3x3AndNamed() {
        Kernels k = kernels();
        assertThat(k.count()).isPositive();
        assertThat(k.names()).hasSize(k.count()).doesNotHaveDuplicates();
        for (int i = 0; i < k.count(); i++) {
            assertThat(k.names().get(i)).as("name of stencil %d", i).isNotBlank();
            double[][] s = k.stencil(i);
            assertThat(s).as("stencil '%s'", k.names().get(i)).hasDimensions(3, 3);
            for (double[] row : s) {
                for (double v : row) {
                    assertThat(Double.isFinite(v)).as("stencil '%s' entries finite", k.names().get(i)).isTrue();
                }
            }
        }
    }

    @Test
    public void rotationSymmetricFlagMatchesStencils() {
        Kernels k = kernels();
        boolean expected = true;
        for (int i = 0; i < k.count(); i++) {
            expected &= Kernels.isRotationSymmetric(k.stencil(i));
        }
        assertThat(k.rotationSymmetric()).as("rotationSymmetric flag of '%s'", kernelSet().name())
                .isEqualTo(expected);
    }

    @Test
    public void deterministic() {
        Kernels a = kernels();
        Kernels b = kernels();
        assertThat(b.names()).isEqualTo(a.names());
        assertThat(b.rotationSymmetric()).isEqualTo(a.rotationSymmetric());
        for (int i = 0; i < a.count(); i++) {
            assertThat(b.stencil(i)).isDeepEqualTo(a.stencil(i));
        }
    }

    /**
     * The engine's back-propagation through time with these stencils matches finite differences for
     * every boundary and both mask modes (tanh activation).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.MethodSource("dev.nca.testkit.EngineGradientCheck#boundariesAndMasks")
    public void engineBackpropagationMatchesFiniteDifferences(dev.nca.api.Boundary boundary,
                                                              dev.nca.core.model.MaskMode mode) {
        new EngineGradientCheck(EngineGradientCheck.defaultChecker()).check(kernels(), EngineGradientCheck.tanh(), boundary, mode,
                0.7);
    }
}
