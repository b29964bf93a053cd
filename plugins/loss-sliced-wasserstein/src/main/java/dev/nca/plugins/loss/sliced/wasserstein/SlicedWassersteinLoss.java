package dev.nca.plugins.loss.sliced.wasserstein;

import dev.nca.api.ExtensionContext;
import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code sliced-wasserstein}: the squared sliced 2-Wasserstein distance between the prediction and
 * the target of each sample, estimated with n random projections (paper 1, section 2.2.1: the
 * "approximations to the Wasserstein distance" it tried, citing their success in texture
 * synthesis).
 *
 * <p>Each sample is turned into two point clouds of equal size, projected on unit directions,
 * and the sorted projections are matched (the optimal transport plan in 1-D):
 * {@code loss_b = (1/n) sum_k (1/M) sum_r (u_(r) - v_(r))^2} with M points per cloud.
 * <ul>
 *   <li>{@code variant = "channel"} (default; {@link ChannelSlicing}): points are the {@code S^2}
 *       cells, each a vector of its C observable values; directions in {@code R^C}. Compares the
 *       distribution of cell states over the lattice and ignores where they are. This is the
 *       sliced Wasserstein loss of the texture-synthesis work paper 1 cites (Heitz et al. 2020;
 *       per-pixel feature vectors projected in feature space, sorted over pixels), applied to the
 *       raw observable channels; paper 1 does not say more precisely which approximation it used.</li>
 *   <li>{@code variant = "spatial"} ({@link SpatialSlicing}): points are the C channel images,
 *       each a vector in {@code R^(S^2)}; directions in {@code R^(S^2)}. A weak measure with
 *       C = 2..4 points: for C = 1 it is a random sketch of the mean squared error.</li>
 * </ul>
 * The gradient treats the sorting permutation as constant (correct wherever no two projected
 * prediction values tie; at ties it is the gradient of the stable-sort order's branch).
 *
 * <p>Parameters: {@code variant} ({@code "channel"}), {@code projections} (n, default 32, in
 * [1, 4096]), {@code redraw} ({@code "fixed"}: one set of directions per run and dimension from
 * the stream {@code sliced-wasserstein/directions/<dim>} of the loss's random source, so the loss
 * is a fixed function; {@code "per_call"}: a new set every call from
 * {@code sliced-wasserstein/directions/<dim>/call/<k>}, k the call count, which averages over
 * more directions during training but makes values depend on call order, so with several
 * training threads the run is not exactly repeatable).
 */
@Extension
public class SlicedWassersteinLoss implements LossFunction {

    static final String VARIANT = "variant";
    static final String PROJECTIONS = "projections";
    static final String REDRAW = "redraw";
    static final String CHANNEL = "channel";
    static final String SPATIAL = "spatial";
    static final String FIXED = "fixed";
    static final String PER_CALL = "per_call";

    @Override
    public String name() {
        return "sliced-wasserstein";
    }

    @Override
    public String description() {
        return "Squared sliced 2-Wasserstein distance over random projections (cells as points in channel "
                + "space, or channels as points in lattice space).";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.text(VARIANT, CHANNEL, List.of(CHANNEL, SPATIAL),
                        "\"channel\": cells are points in R^C_obs; \"spatial\": channel images are points in R^(S^2)"),
                ParamSpec.integer(PROJECTIONS, 32L, 1, 4096, "number n of random unit directions"),
                ParamSpec.text(REDRAW, FIXED, List.of(FIXED, PER_CALL),
                        "\"fixed\": directions drawn once per run; \"per_call\": new seeded directions every call"));
    }

    @Override
    public Loss create(Params params, ExtensionContext context) {
        Slicing slicing = SPATIAL.equals(params.getString(VARIANT)) ? new SpatialSlicing() : new ChannelSlicing();
        Directions directions = new Directions(context.random(), params.getInt(PROJECTIONS),
                PER_CALL.equals(params.getString(REDRAW)));
        return new SlicedDistance(slicing, directions);
    }
}
