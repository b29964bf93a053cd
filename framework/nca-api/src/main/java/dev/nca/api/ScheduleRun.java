package dev.nca.api;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The per-run state of a {@link TrainingSchedule}. Calling order, per epoch: {@link #planEpoch}
 * once, then for every returned mini-batch, after its rollout, {@link #accept} once (in the order
 * returned). Not thread-safe; the trainer calls it from one thread.
 */
public interface ScheduleRun {

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
}
