package dev.nca.plugins.loss.hellinger;

import dev.nca.api.ExtensionContext;
import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code bhattacharyya}: the Bhattacharyya distance between each channel's lattice seen as a
 * probability mass function (paper 1, section 2.2.1), averaged over channels.
 *
 * <p>With {@code P}, {@code Q} as in {@link HellingerLoss} ({@code (|x| + eps)} normalised over
 * the lattice of sample b, channel c):
 * <pre>
 *   D_c = -log sum_i sqrt(P_i Q_i)                                (in [0, inf))
 *   loss_b = (1/C) sum_c D_c                                      (mean_penalty = false)
 *   loss_b = (1/C) sum_c D_c (1 + |mean_i x_ci - mean_i y_ci|)    (mean_penalty = true)
 * </pre>
 * {@code D_c = -log(1 - H_c^2)} with {@code H_c} the Hellinger distance, so the two losses order
 * pairs identically per channel; Bhattacharyya is smooth at {@code P = Q} (quadratic there) and
 * unbounded for masses that barely overlap. It is evaluated as {@code -log1p(-H^2)} near
 * {@code P = Q} to avoid cancellation.
 *
 * <p>Gradient: see {@link MassDistance}; sign(0) = 0 for {@code |x|} at 0.
 *
 * <p>Parameters: {@code epsilon} (default {@code 1e-6}, in [1e-12, 1e3]),
 * {@code mean_penalty} (default false).
 */
@Extension
public class BhattacharyyaLoss implements LossFunction {

    @Override
    public String name() {
        return "bhattacharyya";
    }

    @Override
    public String description() {
        return "Bhattacharyya distance -log sum sqrt(P Q) between per-channel normalised masses, mean over channels.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return MassParameters.specs();
    }

    @Override
    public Loss create(Params params, ExtensionContext context) {
        return MassParameters.create(Divergence.BHATTACHARYYA, params);
    }
}
