package dev.nca.cli.evaltest;

import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.api.Params;
import java.util.List;
import org.pf4j.Extension;

/** {@code eval-identity}: the identity stencil alone, for the command-line tests (packed into a test plugin jar). */
@Extension
public class EvalIdentityKernels implements KernelSet {

    @Override
    public String name() {
        return "eval-identity";
    }

    @Override
    public String description() {
        return "the identity stencil, for the command-line tests";
    }

    @Override
    public Kernels kernels(Params params) {
        return new Kernels(List.of("identity"), new double[][][] {{{0, 0, 0}, {0, 1, 0}, {0, 0, 0}}}, true);
    }
}
