package dev.nca.api;

/**
 * Extension point: produces the trajectories an NCA learns from (a simulated system, images,
 * files). Selected with {@code [data] dataset = "<name>"}, parameters in {@code [data.params]}.
 *
 * <p>Generation must be a pure function of the parameters and the request: the same seed gives
 * the same frames, and {@link Split#HELD_OUT} must give initial conditions not used for training.
 */
public interface Dataset extends NamedExtension {

    /**
     * Generates or loads trajectories.
     *
     * @param params  validated parameters
     * @param request split, random source, data type and optional length override
     * @return frames {@code [R, T, C_obs, S, S]} with metadata
     * @throws NcaException when the data cannot be produced (e.g. a missing file), with a message
     *                      naming the parameter or file at fault
     */
    Trajectories generate(Params params, DataRequest request);
}
