package dev.nca.plugins.kernels.standard;

import dev.nca.api.KernelSet;
import dev.nca.api.Kernels;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * Kernel set {@code "custom"}: stencils given in the recipe.
 *
 * <pre>{@code
 * [model]
 * kernels = "custom"
 * [model.kernel_params]
 * stencils = [0, 0, 0,  0, 1, 0,  0, 0, 0,       # k = 0, rows top to bottom
 *             0, 1, 0,  1, -4, 1,  0, 1, 0]      # k = 1
 * names = ["identity", "laplacian-5"]           # optional
 * }</pre>
 *
 * <p>{@code stencils} holds 9 K numbers, stencil by stencil, each row-major: entry
 * {@code 9k + 3a + b} multiplies the neighbour at row offset {@code a-1} and column offset
 * {@code b-1}. Without {@code names}, stencils are named {@code k0, k1, ...}.
 */
@Extension
public class CustomKernels implements KernelSet {

    static final String STENCILS = "stencils";
    static final String NAMES = "names";

    @Override
    public String name() {
        return "custom";
    }

    @Override
    public String description() {
        return "Stencils given in the recipe: 9 numbers per stencil, row-major, with optional names.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.realList(STENCILS, null, -1000, 1000,
                        "9 K stencil entries, stencil by stencil, each row-major (row offset -1, 0, +1)"),
                ParamSpec.textList(NAMES, List.of(), "one name per stencil; default k0, k1, ..."));
    }

    @Override
    public Kernels kernels(Params params) {
        double[] flat = params.getDoubles(STENCILS);
        if (flat.length == 0 || flat.length % 9 != 0) {
            throw params.invalid(STENCILS, "a non-empty array whose length is a multiple of 9 (9 entries per 3x3 "
                    + "stencil), got " + flat.length + " entries");
        }
        int k = flat.length / 9;
        List<String> names = params.getStrings(NAMES);
        if (names.isEmpty()) {
            names = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                names.add("k" + i);
            }
        } else if (names.size() != k) {
            throw params.invalid(NAMES, "one name per stencil: " + k + " names for " + flat.length + " entries");
        } else if (names.stream().anyMatch(String::isBlank) || names.stream().distinct().count() != k) {
            throw params.invalid(NAMES, "distinct, non-blank names");
        }
        double[][][] stencils = new double[k][3][3];
        for (int i = 0; i < flat.length; i++) {
            stencils[i / 9][(i % 9) / 3][i % 3] = flat[i];
        }
        return Kernels.of(names, stencils);
    }
}
