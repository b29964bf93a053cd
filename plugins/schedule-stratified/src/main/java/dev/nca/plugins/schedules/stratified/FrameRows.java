package dev.nca.plugins.schedules.stratified;

import dev.nca.api.Trajectories;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training frames as one contiguous matrix {@code [R T, C_obs S S]} in the run's data type:
 * row {@code r T + i} is frame i of trajectory r. A frame's row number is also the sample key the
 * schedule hands out. Immutable after construction. (The {@code schedule-multi-step} plugin has
 * the same class: plugins are self-contained jars and share no code but nca-api.)
 */
final class FrameRows {

    private final INDArray rows;
    private final int trajectories;
    private final int frames;
    private final int observable;
    private final int size;

    /**
     * @param data  the trajectories {@code [R, T, C_obs, S, S]}; copied, not modified
     * @param dtype the data type of the matrix and of every array {@link #gather} returns
     */
    FrameRows(Trajectories data, DataType dtype) {
        trajectories = data.trajectories();
        frames = data.length();
        observable = data.channels();
        size = data.size();
        rows = data.frames().castTo(dtype).dup('c')
                .reshape((long) trajectories * frames, (long) observable * size * size);
    }

    /** R, the number of trajectories. */
    int trajectories() {
        return trajectories;
    }

    /** T, the number of frames per trajectory. */
    int frames() {
        return frames;
    }

    /** The row (and sample key) of frame i of trajectory r. */
    int row(int r, int i) {
        return r * frames + i;
    }

    /**
     * Frames {@code offset} frames after the given ones, as a fresh array.
     *
     * @param starts rows of {@code B} frames
     * @param offset frames to move forward within each frame's trajectory; the caller guarantees
     *               that {@code i + offset < T} for every start
     * @return {@code [B, C_obs, S, S]} in the matrix's data type
     */
    INDArray gather(int[] starts, int offset) {
        int[] wanted = new int[starts.length];
        for (int b = 0; b < starts.length; b++) {
            wanted[b] = starts[b] + offset;
        }
        return Nd4j.pullRows(rows, 1, wanted).reshape(starts.length, observable, size, size);
    }
}
