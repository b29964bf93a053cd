package dev.nca.runtime.recipe;

import dev.nca.core.model.AliveRule;
import dev.nca.core.model.MaskMode;
import dev.nca.api.Boundary;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The recipe's {@code [model]} table: the NCA's sizes and the extensions it is built from. The keys'
 * defaults and allowed values are declared in {@link RecipeSchema}.
 *
 * @param channels          C, all state channels (observable + hidden)
 * @param observable        C_obs, the channels compared with data
 * @param hidden            H, hidden units of the per-cell MLP
 * @param hiddenBias        whether the hidden layer has a bias
 * @param kernels           the name of the {@link dev.nca.api.KernelSet} extension
 * @param kernelParams      the raw {@code [model.kernel_params]} table (immutable)
 * @param activation        the name of the {@link dev.nca.api.Activation} extension
 * @param boundary          the lattice boundary, or empty to use the dataset's hint (periodic
 *                          when the dataset gives none)
 * @param updateProbability q, the probability that a cell (or element) is updated
 * @param mask              whether the update mask is drawn per cell or per element
 * @param initScale         scale of the random initialisation of the first layer W2
 */
public record ModelSection(int channels, int observable, int hidden, boolean hiddenBias, String kernels,
                           Map<String, Object> kernelParams, String activation, Optional<Boundary> boundary,
                           double updateProbability, MaskMode mask, double initScale,
                           Optional<AliveRule> alive) {

    public ModelSection {
        Objects.requireNonNull(kernels, "kernels");
        kernelParams = RawValues.immutable(kernelParams);
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(boundary, "boundary");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(alive, "alive");
    }
}
