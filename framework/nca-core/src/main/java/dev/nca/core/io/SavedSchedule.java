package dev.nca.core.io;

import dev.nca.api.ScheduleRun;
import dev.nca.api.ScheduleState;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a training schedule's run as a checkpoint carries it, for an exact resume (see
 * {@link ScheduleRun#saveState()}).
 *
 * @param schedule the schedule's name, e.g. {@code "transitions"}: a state is restored only into a
 *                 run of the schedule that saved it
 * @param state    what the run saved (possibly {@link ScheduleState#empty() empty})
 */
public record SavedSchedule(String schedule, ScheduleState state) {

    public SavedSchedule {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(state, "state");
        if (schedule.isBlank()) {
            throw new IllegalArgumentException("the schedule name must not be blank");
        }
    }

    /** The state of {@code run}, a run of the schedule named {@code schedule}, if it can save one. */
    public static Optional<SavedSchedule> of(String schedule, ScheduleRun run) {
        return run.saveState().map(state -> new SavedSchedule(schedule, state));
    }
}
