package dev.nca.runtime.experiment;

import dev.nca.api.Params;
import dev.nca.api.ScheduleContext;
import dev.nca.api.ScheduleRun;
import dev.nca.api.TrainingSchedule;
import dev.nca.core.io.SavedSchedule;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a run's training schedule and, on resume, restores the state its checkpoint carries
 * ({@link dev.nca.api.ScheduleRun#restoreState}), so that the resumed run plans what the
 * interrupted one would have. When the checkpoint carries no state for this schedule (written
 * before nca stored it, by a schedule that cannot save it, or for another schedule) or the state
 * does not fit (the recipe changed the data or the model since), the schedule restarts from the
 * data: that is logged as a warning and said in {@link #outcome()}, which the run records in
 * provenance.json.
 *
 * @param run     the started (and possibly restored) schedule run
 * @param outcome {@code "restored"}, {@code "not resumed"} or {@code "restarted from the data: <why>"}
 */
record ScheduleStart(ScheduleRun run, String outcome) {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleStart.class);

    /** What a fresh (not resumed) run records. */
    static final String NOT_RESUMED = "not resumed";
    /** What a run whose schedule state was restored records. */
    static final String RESTORED = "restored";

    /**
     * Starts the schedule; restores {@code saved} into it when given and fitting.
     *
     * @param name       the schedule's recipe name
     * @param checkpoint the checkpoint resumed from (for messages), or {@code null} for a fresh run
     * @param saved      the checkpoint's schedule state, or {@code null} when it has none
     */
    static ScheduleStart of(String name, TrainingSchedule schedule, Params params, ScheduleContext context,
                            Path checkpoint, SavedSchedule saved) {
        ScheduleRun run = schedule.start(params, context);
        if (checkpoint == null) {
            return new ScheduleStart(run, NOT_RESUMED);
        }
        String why;
        if (saved == null) {
            why = "the checkpoint carries no schedule state (written by an older nca, or schedule '" + name
                    + "' cannot save its state)";
        } else if (!saved.schedule().equals(name)) {
            why = "the checkpoint carries the state of schedule '" + saved.schedule() + "', this run trains with '"
                    + name + "'";
        } else {
            try {
                run.restoreState(saved.state());
                LOG.info("schedule '{}': state restored from {} ({} MB of arrays)", name, checkpoint,
                        String.format(java.util.Locale.ROOT, "%.1f", saved.state().arrayBytes() / 1e6));
                return new ScheduleStart(run, RESTORED);
            } catch (IllegalArgumentException e) {
                why = "the checkpoint's schedule state does not fit this run (" + e.getMessage() + ")";
                run.close(); // a restore that failed half-way must not leak into the run, nor its arrays
                run = schedule.start(params, context);
            }
        }
        LOG.warn("schedule '{}' restarts from the data: {}; its propagated states or sample pool start afresh, so "
                + "the resumed run will differ from an uninterrupted one", name, why);
        return new ScheduleStart(run, "restarted from the data: " + why);
    }
}
