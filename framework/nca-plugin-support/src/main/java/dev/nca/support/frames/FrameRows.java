package dev.nca.support.frames;

import dev.nca.api.Target;
import dev.nca.api.Trajectories;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training frames as one contiguous matrix {@code [R T, C_obs S S]} in the run's data type:
 * row {@code r T + i} is frame i of trajectory r. A frame's row number is also the sample key the
 * schedules hand out. Immutable after construction.
 *
 * <p>Used by schedules that draw start frames and targets from the data (multi-step, stratified,
 * transitions).
 */
public final class FrameRows {

    private final INDArray rows;
    private final int trajectories;
    private final int frames;
    private final int observable;
    private final int size;

    /**
     * @param data  the trajectories {@code [R, T, C_obs, S, S]}; copied, not modified
     * @param dtype the data type of the matrix and of every array {@link #gather} returns
     */
    public FrameRows(Trajectories data, DataType dtype) {
        trajectories = data.trajectories();
        frames = data.length();
        observable = data.channels();
        size = data.size();
        rows = data.frames().castTo(dtype).dup('c')
                .reshape((long) trajectories * frames, (long) observable * size * size);
    }

    /** R, the number of trajectories. */
    public int trajectories() {
        return trajectories;
    }

    /** T, the number of frames per trajectory. */
    public int frames() {
        return frames;
    }

    /** The row (and sample key) of frame i of trajectory r. */
    public int row(int r, int i) {
        return r * frames + i;
    }

    /**
     * Frames {@code offset} frames after the given ones, as a fresh array that owns its buffer (so
     * that closing it frees its memory).
     *
     * @param starts rows of {@code B} frames
     * @param offset frames to move forward within each frame's trajectory; the caller guarantees
     *               that {@code i + offset < T} for every start
     * @return {@code [B, C_obs, S, S]} in the matrix's data type
     */
    public INDArray gather(int[] starts, int offset) {
        int[] wanted = new int[starts.length];
        for (int b = 0; b < starts.length; b++) {
            wanted[b] = starts[b] + offset;
        }
        INDArray out = Nd4j.create(rows.dataType(), starts.length, observable, size, size);
        Nd4j.pullRows(rows, out.reshape(starts.length, rows.size(1)), 1, wanted);
        return out;
    }

    /**
     * The targets of a horizon of k frames: frame {@code i + j} of each start at NCA step
     * {@code j * frameSpacing}, weighted {@code weights[j - 1]}, for the frames j = 1..k whose
     * weight is positive (see {@link TimeWeighting#weights}).
     *
     * @param starts       rows of the B start frames, each with {@code i + k < T}
     * @param k            the horizon in frames, at least 1
     * @param frameSpacing NCA steps per data frame, at least 1
     * @param weights      k weights, entry {@code j - 1} for frame j
     * @return the targets in increasing step order, observed arrays {@code [B, C_obs, S, S]}
     */
    public List<Target> targets(int[] starts, int k, int frameSpacing, double[] weights) {
        if (weights.length != k) {
            throw new IllegalArgumentException(k + " frames need " + k + " weights, got " + weights.length);
        }
        List<Target> targets = new ArrayList<>();
        for (int j = 1; j <= k; j++) {
            if (weights[j - 1] > 0) {
                targets.add(new Target(Math.multiplyExact(j, frameSpacing), gather(starts, j), weights[j - 1]));
            }
        }
        return targets;
    }
}
