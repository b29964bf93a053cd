package dev.nca.runtime.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The status of every point of a sweep, from the point's own state file first and Slurm's view
 * second: {@code done} and {@code failed} come from the state file; {@code running} when the state
 * file says so and the point is not known to have ended (also whenever Slurm cannot be asked); {@code pending} when Slurm holds a task
 * for a point that has not started (running once the task has); {@code lost} when a point started but its task is gone
 * without finishing (killed, timed out, node failure); {@code missing} when nothing runs it.
 */
public final class SweepStatus {

    private static final Set<String> QUEUED = Set.of("PENDING", "CONFIGURING", "REQUEUED", "RESIZING", "SUSPENDED");
    private static final Set<String> ACTIVE = Set.of("RUNNING", "COMPLETING", "STAGE_OUT");

    private SweepStatus() {
    }

    /** A done point whose evaluation differs from the sweep's now: only its evaluation runs again. */
    public static final String STALE = "evaluation-out-of-date";

    /**
     * @param useSlurm whether to ask squeue/sacct about submitted jobs
     * @return point name to status, in sweep order
     */
    public static Map<String, String> of(SweepFolder folder, boolean useSlurm) {
        List<SlurmJobs.Job> jobs = useSlurm ? SlurmJobs.read(folder) : List.of();
        Optional<Map<String, String>> asked = SlurmQueue.states(jobs);
        Map<String, String> slurm = asked.orElse(Map.of());
        Map<String, String> status = new LinkedHashMap<>();
        for (String name : folder.pointNames()) {
            Optional<PointState> state = folder.state(name);
            String queued = slurm.get(name);
            String s;
            if (state.isPresent() && state.get().done() && folder.evaluationIsStale(state.get())) {
                s = queued != null && (ACTIVE.contains(queued) || QUEUED.contains(queued)) ? "running" : STALE;
            } else if (state.isPresent() && !PointState.RUNNING.equals(state.get().state())) {
                s = state.get().state();
            } else if (state.isPresent()) {
                s = asked.isEmpty() || queued != null && (ACTIVE.contains(queued) || QUEUED.contains(queued))
                        ? "running" : "lost";
            } else if (queued != null && ACTIVE.contains(queued)) {
                s = "running"; // the task has started, the point not yet
            } else if (queued != null && QUEUED.contains(queued)) {
                s = "pending";
            } else {
                s = "missing";
            }
            status.put(name, s);
        }
        return status;
    }

    /** Whether a point of this status is waiting for or in a Slurm task (so it must not be submitted again). */
    public static boolean inFlight(String status) {
        return status.equals("pending") || status.equals("running");
    }
}
