package dev.nca.runtime.experiment;

import dev.nca.api.NcaException;
import dev.nca.core.io.Checkpoint;
import dev.nca.core.io.CheckpointIO;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a resumed training starts: the parameters and optimiser state of a checkpoint written by
 * {@code nca train} (the {@code last.nca} or a periodic one: {@code best.nca} carries no optimiser
 * state), continuing with the epoch after the checkpoint's.
 *
 * <p>What is restored: parameters, Nadam moments and step count, the epoch counter (every random
 * stream of the trainer and the shipped schedules is named by epoch, so later epochs draw what an
 * uninterrupted run would), the lowest loss so far, and the schedule's own state (the states
 * {@code transitions}, {@code multi-step} and {@code stratified} propagate, the pool of
 * {@code growing}; see {@link ScheduleStart}) when the checkpoint carries it. Then the resumed run
 * reproduces the uninterrupted one exactly. Checkpoints without schedule state (older ones, or
 * written by a schedule that cannot save it) still resume, with the schedule restarted from the
 * data.
 *
 * @param file       the checkpoint
 * @param checkpoint its content
 */
public record ResumePoint(Path file, Checkpoint checkpoint) {

    public ResumePoint {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (!checkpoint.hasOptimiser()) {
            throw new NcaException("checkpoint " + file + " holds no optimiser state, so training cannot resume"
                    + " from it (best.nca never does); resume from checkpoints/last.nca or a periodic checkpoint");
        }
        if (checkpoint.recipe() == null) {
            throw new NcaException("checkpoint " + file + " holds no recipe; resume from a checkpoint written by"
                    + " 'nca train'");
        }
    }

    /** Reads a checkpoint to resume from. */
    public static ResumePoint read(Path file) {
        return new ResumePoint(file, CheckpointIO.read(file));
    }

    /** The first epoch the resumed run trains. */
    public int nextEpoch() {
        return checkpoint.epoch() + 1;
    }
}
