package dev.nca.plugins.kernels.standard;

import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.api.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A parameterless kernel set made of named stencils from {@link Stencils}; rotation symmetry is
 * computed from the stencils.
 */
abstract class FixedKernelSet implements KernelSet {

    /** A named stencil factory. */
    record Named(String name, Supplier<double[][]> stencil) {
    }

    static final Named IDENTITY = new Named("identity", Stencils::identity);
    static final Named AVERAGE = new Named("average", Stencils::average);
    static final Named SOBEL_X = new Named("sobel-x", Stencils::sobelX);
    static final Named SOBEL_Y = new Named("sobel-y", Stencils::sobelY);
    static final Named LAPLACIAN = new Named("laplacian", Stencils::laplacian);

    private final String name;
    private final String description;
    private final List<Named> members;

    FixedKernelSet(String name, String description, Named... members) {
        this.name = name;
        this.description = description;
        this.members = List.of(members);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Kernels kernels(Params params) {
        List<String> names = new ArrayList<>(members.size());
        double[][][] stencils = new double[members.size()][][];
        for (int k = 0; k < members.size(); k++) {
            names.add(members.get(k).name());
            stencils[k] = members.get(k).stencil().get();
        }
        return Kernels.of(names, stencils);
    }
}
