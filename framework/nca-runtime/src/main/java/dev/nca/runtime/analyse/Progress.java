package dev.nca.runtime.analyse;

/** Receives progress of a long analysis loop (the command line prints it on standard error). */
@FunctionalInterface
public interface Progress {

    /** Ignores every report. */
    Progress NONE = (task, done, total) -> { };

    /**
     * @param task  what is being done, e.g. {@code "perturbed rollouts"}
     * @param done  units finished so far, 1..total
     * @param total units in all
     */
    void report(String task, int done, int total);
}
