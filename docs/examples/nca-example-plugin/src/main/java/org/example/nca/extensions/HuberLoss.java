package org.example.nca.extensions;

import dev.nca.api.ExtensionContext;
import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code huber}: the mean Huber penalty of the differences between prediction and data,
 * quadratic for small differences and linear for large ones, so that a few badly predicted cells
 * (outliers, sharp fronts) do not dominate the gradient as they do under a squared error.
 * <pre>
 * L_b    = (1/N) sum_{c,i,j} h(x_bcij - y_bcij),    N = C_obs * S * S entries per sample
 * h(d)   = d^2 / 2                 if |d| &lt;= delta
 *        = delta (|d| - delta / 2) otherwise
 * dL_b/dx_bcij = clip(x_bcij - y_bcij, -delta, delta) / N
 * </pre>
 * h is continuously differentiable (its second derivative jumps at |d| = delta). A delta larger
 * than every |d| gives half the mean squared error; a small delta approaches delta times the mean
 * absolute error.
 *
 * <p>Recipe parameter ({@code [training.loss_params]}): {@code delta}, a number &gt; 0, default
 * 1. Stateless; the {@link Loss} it creates is immutable and thread-safe.
 */
@Extension
public class HuberLoss implements LossFunction {

    static final String DELTA = "delta";

    /** Upper end of the declared range: far beyond any difference of data scaled to [0, 1]. */
    static final double MAX_DELTA = 1e6;

    @Override
    public String name() {
        return "huber";
    }

    @Override
    public String description() {
        return "Mean Huber penalty per sample: (x - y)^2 / 2 where |x - y| <= delta, "
                + "delta (|x - y| - delta / 2) beyond; robust to outliers.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real(DELTA, 1.0, 0.0, MAX_DELTA,
                "threshold between the quadratic and the linear part, > 0; in the units of the data"));
    }

    /**
     * Creates the loss. The host has already checked {@code delta} against its declared range
     * {@code [0, 1e6]}; zero is excluded here, since it would make the loss identically zero.
     *
     * @throws dev.nca.api.InvalidParameterException if {@code delta} is 0, naming the recipe
     *                                               table, the key and the value
     */
    @Override
    public Loss create(Params params, ExtensionContext context) {
        double delta = params.getDouble(DELTA);
        if (!(delta > 0)) {
            throw params.invalid(DELTA, "a number > 0 and <= " + (long) MAX_DELTA
                    + " (delta = 0 would make the loss and its gradient identically 0)");
        }
        return new MeanHuber(delta);
    }
}
