package dev.nca.api;

import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The per-run state of a {@link TrainingSchedule}. Calling order, per epoch: {@link #planEpoch}
 * once, then for every returned mini-batch, after its rollout, {@link #accept} once (in the order
 * returned). Between two epochs the trainer may call {@link #saveState()} (when it writes a
 * checkpoint); a resumed run calls {@link #restoreState} once, right after
 * {@link TrainingSchedule#start}, before its first {@link #planEpoch}. Not thread-safe; the
 * trainer calls it from one thread.
 *
 * <p><b>Resume.</b> A run interrupted after epoch e and resumed from its checkpoint must continue
 * exactly as the uninterrupted run: {@code planEpoch(e + 1)} of the resumed run must return the
 * same mini-batches, value for value, and later epochs likewise given the same accepted states.
 * What a run needs for that is what it carries from one epoch to the next (sample pools, stored
 * or propagated states, final states it has accepted but not yet used) and the position of every
 * random stream it keeps across epochs. Drawing each epoch from a stream named by the epoch
 * ({@code context.random().stream("<name>/<purpose>/" + epoch)}), as the shipped schedules do,
 * leaves no stream position to save ({@link java.util.SplittableRandom} cannot report one).
 */
public interface ScheduleRun extends AutoCloseable {

    /**
     * The mini-batches of one epoch. Their gradients are summed and applied as one update.
     *
     * @param epoch 0-based epoch index
     */
    List<MiniBatch> planEpoch(int epoch);

    /**
     * Receives the final states of a mini-batch after its rollout, e.g. to propagate them as the
     * next epoch's start states (Algorithm 2) or to return them to a sample pool.
     *
     * <p>This is the last call concerning {@code batch}: afterwards the trainer reads neither it nor
     * its arrays, so the schedule may free the start and target arrays it made for it, and the final
     * states once it has copied what it keeps (nca-plugin-support's {@code BatchRelease} does that).
     * ND4J frees native memory only when the garbage collector runs, so a schedule that leaves
     * per-batch arrays to it makes a run's resident size grow.
     *
     * @param batch       a mini-batch returned by the last {@link #planEpoch}
     * @param finalStates {@code [B, C, S, S]} states after {@code batch.steps()} NCA steps; the
     *                    schedule owns this array and may keep it (or free it)
     */
    void accept(MiniBatch batch, INDArray finalStates);

    /**
     * The state this run carries into the next epoch, for a checkpoint. Called between epochs
     * (after the last {@link #accept} of an epoch, before the next {@link #planEpoch}); it must not
     * change what later epochs plan.
     *
     * <p>The default, for schedules written before this hook, is empty: the schedule cannot save
     * its state, and a resumed run restarts it from the data (the user is told). A schedule that
     * keeps nothing between epochs returns {@link ScheduleState#empty()}, which tells the trainer
     * that resuming it is exact.
     *
     * @return the state (a snapshot: it must not alias arrays the run goes on changing;
     *         {@link ScheduleState.Builder} copies), or empty if this schedule cannot save its state
     */
    default Optional<ScheduleState> saveState() {
        return Optional.empty();
    }

    /**
     * Restores a state {@link #saveState()} returned, on a run just {@link TrainingSchedule#start
     * started} with the same parameters and context, so that the next {@code planEpoch(e + 1)} and
     * every later call behave exactly as in the run that saved it after epoch e.
     *
     * <p>Implementations check the whole state (names, data types, shapes, index ranges) against
     * this run before changing anything, and copy the arrays they keep. The default accepts only
     * an empty state.
     *
     * @param state a state saved by a run of this schedule (read from a checkpoint)
     * @throws IllegalArgumentException if the state does not fit this run (e.g. the recipe changed
     *                                  the lattice or the data since it was saved); the run is then
     *                                  left as started
     */
    default void restoreState(ScheduleState state) {
        if (!state.isEmpty()) {
            throw new IllegalArgumentException("this schedule keeps no state between epochs, but the saved state holds "
                    + state);
        }
    }

    /**
     * Frees what the run holds (stored or pooled states, data copies); called once when training
     * ends, after the last checkpoint was written. The default leaves them to the garbage collector.
     */
    @Override
    default void close() {
    }
}
