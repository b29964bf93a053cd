package dev.nca.plugins.loss.euclidean;

import dev.nca.api.ExtensionContext;
import dev.nca.api.InvalidParameterException;
import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code euclidean}: the per-sample Euclidean distance of paper 1, section 2.2.1,
 * {@code L_b = sqrt(sum_{c,i,j} w_c (x_bcij - y_bcij)^2)}, with gradient
 * {@code w_c (x_bc - y_bc) / L_b} (zero where {@code L_b = 0}, where the norm has no derivative:
 * the minimum). With the default unit weights this is the paper's plain norm.
 *
 * <p>Parameter {@code reduction = "mean_square"} instead gives the mean squared error
 * {@code L_b = (1/N) sum_{c,i,j} w_c (x - y)^2} over the {@code N = C S S} entries of a sample
 * (N does not change with the weights), with gradient {@code 2 w_c (x - y) / N}; it is smooth
 * everywhere.
 *
 * <p>Parameter {@code channel_weights}: the non-negative {@code w_c}, one per observable channel
 * (empty, the default, means all ones). The number of observable channels is unknown when the
 * loss is created, so a list of the wrong length is reported by the first {@code evaluate} call
 * with an {@link dev.nca.api.InvalidParameterException} naming the key, the list and
 * {@code C_obs}. At least one weight must be positive.
 */
@Extension
public class EuclideanLoss implements LossFunction {

    static final String REDUCTION = "reduction";
    static final String CHANNEL_WEIGHTS = "channel_weights";
    static final String NORM = "norm";
    static final String MEAN_SQUARE = "mean_square";

    @Override
    public String name() {
        return "euclidean";
    }

    @Override
    public String description() {
        return "Euclidean distance per sample, sqrt(sum w_c (x - y)^2) (or the mean squared error with "
                + "reduction = \"mean_square\"), optionally weighting observable channels.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.text(REDUCTION, NORM, List.of(NORM, MEAN_SQUARE),
                        "\"norm\": sqrt(sum w_c (x - y)^2) as in the paper; \"mean_square\": sum w_c (x - y)^2 / N"),
                ParamSpec.realList(CHANNEL_WEIGHTS, new double[0], 0.0, Double.MAX_VALUE,
                        "non-negative weight w_c of each observable channel, C_obs of them; empty = all 1"));
    }

    @Override
    public Loss create(Params params, ExtensionContext context) {
        double[] weights = params.getDoubles(CHANNEL_WEIGHTS);
        if (weights.length > 0 && Arrays.stream(weights).noneMatch(w -> w > 0)) {
            throw new InvalidParameterException(params.source(), CHANNEL_WEIGHTS, Arrays.stream(weights).boxed().toList(),
                    "non-negative weights, at least one of them > 0 (all zero would make the loss identically 0)");
        }
        return new EuclideanDistance(MEAN_SQUARE.equals(params.getString(REDUCTION)), weights, params.source());
    }
}
