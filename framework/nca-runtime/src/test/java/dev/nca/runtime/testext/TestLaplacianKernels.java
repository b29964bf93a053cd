package dev.nca.runtime.testext;

import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import java.util.List;
import org.pf4j.Extension;

/**
 * A built-in (class-path) kernel set for the host tests: identity plus a Laplacian scaled by the
 * {@code scale} parameter. Registered through the {@code META-INF/extensions.idx} that PF4J's
 * annotation processor writes into the test classes.
 */
@Extension
public class TestLaplacianKernels implements KernelSet {

    @Override
    public String name() {
        return "test-id-lap";
    }

    @Override
    public String description() {
        return "identity and a scaled 9-point Laplacian, for tests";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real("scale", 1.0, 0.0, 10.0, "factor applied to the Laplacian"));
    }

    @Override
    public Kernels kernels(Params params) {
        double s = params.getDouble("scale") / 4.0;
        double[][] identity = {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}};
        double[][] laplacian = {{s, 2 * s, s}, {2 * s, -12 * s, 2 * s}, {s, 2 * s, s}};
        return new Kernels(List.of("identity", "laplacian"), new double[][][] {identity, laplacian}, true);
    }
}
