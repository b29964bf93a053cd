package dev.nca.api;

/**
 * Extension point: a named set of fixed 3x3 perception stencils (identity, Laplacian, ...).
 *
 * <p>Recipes select it with {@code [model] kernels = "<name>"}; parameters, if any, come from
 * {@code [model.kernel_params]}.
 */
public interface KernelSet extends NamedExtension {

    /**
     * The stencils of this set.
     *
     * @param params validated parameters (see {@link #parameters()})
     * @return K stencils; the engine applies every one to every channel (depthwise)
     */
    Kernels kernels(Params params);
}
