package dev.nca.api;

/**
 * Extension point: a distance between a predicted and an observed lattice state, with its
 * hand-written gradient. Selected with {@code [training] loss = "<name>"}, parameters in
 * {@code [training.loss_params]}.
 */
public interface LossFunction extends NamedExtension {

    /**
     * Creates the loss for one run.
     *
     * @param params  validated parameters
     * @param context the run's random source and data type
     */
    Loss create(Params params, ExtensionContext context);
}
