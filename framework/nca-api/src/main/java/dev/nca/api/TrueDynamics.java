package dev.nca.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The true system behind a {@link Dataset}'s frames, able to run on from any given state: what
 * {@link Dataset#trueDynamics} offers when the dataset can simulate its system (a PDE, a cellular
 * automaton) rather than only replay recorded frames.
 *
 * <p><b>States.</b> {@link #advance} takes and returns states {@code [B, C_obs, S, S]} in exactly the
 * representation of the dataset's frames: the same observable channels in the same order, the same
 * units and scaling (a dataset that rescales its frames, e.g. min-max per channel, maps a state back
 * to its physical units, runs its system there and applies the same rescaling again, with the
 * constants of the frames it was made for). Float32 or float64 in, the same type out; the system
 * itself may run in double precision.
 *
 * <p><b>Time.</b> The system advances in its own native steps (Euler steps of a PDE, generations of
 * a cellular automaton, updates of a lattice map); {@link #stepsPerFrame()} of them separate two
 * consecutive recorded frames. So {@code advance(frame k, stepsPerFrame())} gives frame k + 1 (up to
 * the rounding of the frames' data type; measurement noise a dataset adds to its frames is not part
 * of the dynamics). An NCA trained with {@code frame_spacing = t} NCA steps per frame takes
 * {@code t} steps for one frame interval, so one NCA step corresponds to
 * {@code stepsPerFrame() / t} native steps; a host comparing the NCA with the truth after n NCA
 * steps advances the truth by {@code n * stepsPerFrame() / t} native steps, which must be a whole
 * number.
 *
 * <p>Implementations are pure functions of their arguments and may be used from one thread at a
 * time.
 */
public interface TrueDynamics {

    /** Native steps of the system between two consecutive recorded frames, >= 1. */
    int stepsPerFrame();

    /**
     * Runs the system on from the given states.
     *
     * @param states {@code [B, C_obs, S, S]} float32 or float64, in the frames' representation; not modified
     * @param steps  native steps to advance, >= 0
     * @return the states {@code steps} native steps later, {@code [B, C_obs, S, S]}, same data type
     * @throws IllegalArgumentException when the shape does not match the dataset's channels or lattice,
     *                                  or {@code steps < 0}
     */
    INDArray advance(INDArray states, int steps);
}
