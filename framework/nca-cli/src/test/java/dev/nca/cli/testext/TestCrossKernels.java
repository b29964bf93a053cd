package dev.nca.cli.testext;

import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import java.util.List;
import org.pf4j.Extension;

/**
 * A class-path kernel set for the command-line tests: the identity and a weighted cross (or plus)
 * stencil. Registered by {@code src/test/resources/META-INF/extensions.idx}.
 */
@Extension
public class TestCrossKernels implements KernelSet {

    @Override
    public String name() {
        return "test-cross";
    }

    @Override
    public String description() {
        return "identity and a weighted cross stencil, for the command-line tests";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("weight", 0.5, 0.0, 1.0, "weight of the neighbours"),
                ParamSpec.text("shape", "cross", List.of("cross", "plus"), "which neighbours"),
                ParamSpec.integer("copies", null, 1, 4, "how many times to repeat the stencil"));
    }

    @Override
    public Kernels kernels(Params params) {
        double w = params.getDouble("weight");
        boolean plus = "plus".equals(params.getString("shape"));
        double[][] identity = {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}};
        double[][] stencil = plus
                ? new double[][] {{0, w, 0}, {w, 0, w}, {0, w, 0}}
                : new double[][] {{w, 0, w}, {0, 0, 0}, {w, 0, w}};
        return new Kernels(List.of("identity", shapeName(plus)), new double[][][] {identity, stencil}, true);
    }

    private static String shapeName(boolean plus) {
        return plus ? "plus" : "cross";
    }
}
