package dev.nca.api;

/** Which initial conditions a dataset generates. */
public enum Split {
    /** The training trajectories, drawn from the run's {@code dataset} random stream. */
    TRAIN,
    /** Unseen initial conditions for evaluation, drawn from a separate random stream. */
    HELD_OUT
}
