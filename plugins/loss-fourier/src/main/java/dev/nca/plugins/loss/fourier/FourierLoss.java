package dev.nca.plugins.loss.fourier;

import dev.nca.api.ExtensionContext;
import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.api.ParamSpec;
import dev.nca.api.Params;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code fourier}: distance between the spatial 2-D Fourier transforms of predicted and observed
 * channels (paper 1, section 2.2.1: "distance between spatial Fourier transforms").
 *
 * <p>For sample b, channel c, the DFT over the periodic {@code S x S} lattice is
 * {@code X_c[k1][k2] = w sum_{i,j} x_c[i][j] exp(-2 pi i (k1 i + k2 j) / S)} with {@code w = 1/S}
 * when {@code normalise = true} (orthonormal: {@code sum |X|^2 = sum x^2}) and {@code w = 1}
 * otherwise; {@code Y_c} likewise for the target. Per frequency the difference is
 * <pre>
 *   D = m(X) - m(Y),  m(z) = sqrt(|z|^2 + eps^2)      (phase = false: magnitudes only)
 *   |D| = |X - Y|                                        (phase = true: complex spectra)
 * </pre>
 * and the per-sample loss sums over channels and all {@code S^2} frequencies:
 * <pre>
 *   L_b = sqrt(sum_{c,k} D^2)                 (reduction = "norm", default)
 *   L_b = (1 / (C S^2)) sum_{c,k} D^2          (reduction = "mean_square")
 * </pre>
 * Magnitudes ignore phase, so the magnitude loss is invariant to translating a channel on the
 * periodic lattice: it compares which wavelengths and orientations are present (pattern scale),
 * not where the pattern is. With {@code phase = true} and {@code normalise = true} the loss equals
 * the {@code euclidean} loss exactly (Parseval), with {@code normalise = false} S times it (norm).
 *
 * <p>Gradient: {@code dL/dX = s D (X / m(X))} (magnitudes) or {@code s (X - Y)} (complex), with
 * {@code s = 1/L_b} (0 where {@code L_b = 0}) or {@code 2/(C S^2)}, mapped back to the lattice by
 * the exact adjoint {@code Re(conj(F) G conj(F))} of the transform {@code X = F x F} (see
 * {@link Dft2}). The magnitude has no derivative at {@code X = 0}; the smoothing {@code eps > 0}
 * makes {@code m} smooth with gradient 0 there, which matches central differences at a zero
 * frequency (for example every non-zero frequency of a constant image). With {@code eps = 0}
 * the exact magnitude is used and a frequency with {@code |X| = 0} exactly contributes 0.
 *
 * <p>Parameters: {@code reduction} ({@code "norm"}), {@code phase} (false), {@code normalise}
 * (true: scale-independent of S and comparable to the Euclidean loss), {@code epsilon}
 * ({@code 1e-6}, in [0, 1e3], same units as the spectrum).
 */
@Extension
public class FourierLoss implements LossFunction {

    static final String REDUCTION = "reduction";
    static final String PHASE = "phase";
    static final String NORMALISE = "normalise";
    static final String EPSILON = "epsilon";
    static final String NORM = "norm";
    static final String MEAN_SQUARE = "mean_square";

    @Override
    public String name() {
        return "fourier";
    }

    @Override
    public String description() {
        return "Distance between 2-D DFT magnitudes (or complex spectra) of predicted and observed channels.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.text(REDUCTION, NORM, List.of(NORM, MEAN_SQUARE),
                        "\"norm\": sqrt(sum D^2) over channels and frequencies; \"mean_square\": sum D^2 / (C S^2)"),
                ParamSpec.bool(PHASE, false,
                        "compare complex spectra X - Y (phase included) instead of magnitudes |X| - |Y|"),
                ParamSpec.bool(NORMALISE, true, "orthonormal DFT (divided by S), so sum |X|^2 = sum x^2"),
                ParamSpec.real(EPSILON, 1e-6, 0.0, 1e3,
                        "magnitude smoothing sqrt(|X|^2 + eps^2), keeps the gradient defined at X = 0"));
    }

    @Override
    public Loss create(Params params, ExtensionContext context) {
        return new SpectralDistance(MEAN_SQUARE.equals(params.getString(REDUCTION)), params.getBoolean(PHASE),
                params.getBoolean(NORMALISE), params.getDouble(EPSILON));
    }
}
