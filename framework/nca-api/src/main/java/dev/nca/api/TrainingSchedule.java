package dev.nca.api;

/**
 * Extension point: decides what each mini-batch trains on (start states, horizon, targets) and
 * what happens to the final states. Selected with {@code [training] schedule = "<name>"},
 * parameters in {@code [training.schedule_params]}.
 *
 * <p>Examples: Algorithm 2 of Richardson et al. (every transition of every trajectory, one
 * trajectory re-initialised from data each epoch and the others propagated), multi-step training
 * with a random horizon, stratified sampling over labelled phases.
 */
public interface TrainingSchedule extends NamedExtension {

    /**
     * Starts a run.
     *
     * @param params  validated parameters
     * @param context the data, state sizes, mini-batch size and random source
     * @throws NcaException if the data do not suit this schedule (e.g. too few frames)
     */
    ScheduleRun start(Params params, ScheduleContext context);
}
