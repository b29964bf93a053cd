package dev.nca.api;

import java.util.Optional;

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

    /**
     * Optional capability: the true system behind the frames {@code generate(params, request)}
     * returns, able to run on from any state in the frames' representation (same channels, units and
     * scaling; see {@link TrueDynamics} for how its native steps relate to frames and NCA steps).
     * Hosts use it to compare a model with the truth from the same, e.g. perturbed, state.
     *
     * <p>The default offers none. A dataset returns empty when it cannot simulate from a state with
     * these parameters, e.g. when part of the system's state is not observed.
     *
     * @param params  validated parameters, as for {@link #generate}
     * @param request the request whose frames the dynamics must match (their scaling may depend on it)
     * @return the true dynamics, or empty when the dataset cannot simulate from a given state
     * @throws NcaException when the parameters are valid for generation but the dynamics cannot be set up
     */
    default Optional<TrueDynamics> trueDynamics(Params params, DataRequest request) {
        return Optional.empty();
    }
}
