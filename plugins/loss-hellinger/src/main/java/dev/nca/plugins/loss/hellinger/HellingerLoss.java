package dev.nca.plugins.loss.hellinger;

import dev.nca.api.ExtensionContext;
import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code hellinger}: the Hellinger distance between each channel's lattice seen as a probability
 * mass function (paper 1, section 2.2.1, "probability mass based losses"), averaged over channels.
 *
 * <p>For sample b, channel c, cells i of the {@code S x S} lattice:
 * {@code P_i = (|x_i| + eps) / sum_j (|x_j| + eps)}, {@code Q_i} likewise from the target, and
 * <pre>
 *   H_c = (1 / sqrt 2) ||sqrt P - sqrt Q||_2                     (in [0, 1])
 *   loss_b = (1/C) sum_c H_c                                      (mean_penalty = false)
 *   loss_b = (1/C) sum_c H_c (1 + |mean_i x_ci - mean_i y_ci|)    (mean_penalty = true)
 * </pre>
 * The means in the penalty are of the signed values of channel c over the lattice, one factor per
 * channel, applied before the mean over channels. Without it the loss ignores the overall scale
 * of a channel ({@code x} and {@code 2x} are at distance 0 apart from the effect of eps); the
 * penalty puts the level back.
 *
 * <p>Gradient: see {@link MassDistance}. At {@code x_i = 0} the subgradient of {@code |x|} is taken
 * as 0; at {@code P = Q} (where {@code H} has a kink, like a norm at 0) the gradient is 0.
 *
 * <p>Parameters: {@code epsilon} (default {@code 1e-6}, in [1e-12, 1e3]),
 * {@code mean_penalty} (default false).
 */
@Extension
public class HellingerLoss implements LossFunction {

    @Override
    public String name() {
        return "hellinger";
    }

    @Override
    public String description() {
        return "Hellinger distance between per-channel normalised masses (|x| + eps) / sum, mean over channels.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return MassParameters.specs();
    }

    @Override
    public Loss create(Params params, ExtensionContext context) {
        return MassParameters.create(Divergence.HELLINGER, params);
    }
}
