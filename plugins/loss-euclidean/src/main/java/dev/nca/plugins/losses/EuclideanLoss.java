package dev.nca.plugins.losses;

import dev.nca.api.ExtensionContext;
import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code euclidean}: the per-sample Euclidean distance of paper 1, section 2.2.1,
 * {@code L_b = sqrt(sum_{c,i,j} (x_bcij - y_bcij)^2)}, with gradient {@code (x_b - y_b) / L_b}
 * (zero where {@code L_b = 0}, where the norm has no derivative: the minimum).
 *
 * <p>Parameter {@code reduction = "mean_square"} instead gives the mean squared error
 * {@code L_b = (1/N) sum (x - y)^2} over the {@code N = C S S} entries of a sample, with gradient
 * {@code 2 (x - y) / N}; it is smooth everywhere.
 */
@Extension
public class EuclideanLoss implements LossFunction {

    static final String REDUCTION = "reduction";
    static final String NORM = "norm";
    static final String MEAN_SQUARE = "mean_square";

    @Override
    public String name() {
        return "euclidean";
    }

    @Override
    public String description() {
        return "Euclidean distance per sample, sqrt(sum (x - y)^2) (or the mean squared error with "
                + "reduction = \"mean_square\").";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.text(REDUCTION, NORM, List.of(NORM, MEAN_SQUARE),
                "\"norm\": sqrt(sum (x - y)^2) as in the paper; \"mean_square\": mean of (x - y)^2"));
    }

    @Override
    public Loss create(Params params, ExtensionContext context) {
        return new EuclideanDistance(MEAN_SQUARE.equals(params.getString(REDUCTION)));
    }
}
