package dev.nca.plugins.loss.hellinger;

import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import java.util.List;

/** The parameters shared by {@code hellinger} and {@code bhattacharyya}. */
final class MassParameters {

    static final String EPSILON = "epsilon";
    static final String MEAN_PENALTY = "mean_penalty";

    private MassParameters() {
    }

    /** {@code epsilon} (real, default 1e-6, in [1e-12, 1e3]) and {@code mean_penalty} (bool, default false). */
    static List<ParamSpec> specs() {
        return List.of(
                ParamSpec.real(EPSILON, 1e-6, 1e-12, 1e3,
                        "mass added to |x| in every cell before normalising; keeps sqrt(P) away from 0"),
                ParamSpec.bool(MEAN_PENALTY, false,
                        "multiply each channel's distance by 1 + |mean x - mean y| (means over the lattice)"));
    }

    /** The loss for validated parameters. */
    static MassDistance create(Divergence divergence, Params params) {
        return new MassDistance(divergence, params.getDouble(EPSILON), params.getBoolean(MEAN_PENALTY));
    }
}
