package dev.nca.support.frames;

import dev.nca.api.MiniBatch;
import dev.nca.api.ScheduleState;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The model's own states for frames of the training data, for {@code propagate}: at most one full
 * state {@code [C, S, S]} (observable then hidden channels) per frame row ({@link FrameRows#row}),
 * the one most recently predicted for that frame. A sample that started at row {@code r T + i} and
 * was rolled k frames ends in the state stored for row {@code r T + i + k}.
 *
 * <p>Every state is a private contiguous copy in the run's data type: neither the arrays passed to
 * {@link #store} nor the arrays {@link #copyInto} writes to alias the store. Rows hold no memory
 * until a state is stored for them; the last frame of a trajectory, which never starts a sample,
 * is not stored at all. Not thread-safe (one trainer thread, see {@link dev.nca.api.ScheduleRun}).
 */
public final class StoredStates {

    private final int frames;
    private final DataType dtype;
    /** Indexed by row; null where no state has been stored yet. */
    private final INDArray[] states;
    private int stored;

    /**
     * @param trajectories R
     * @param frames       T, frames per trajectory
     * @param dtype        the data type states are kept in
     */
    public StoredStates(int trajectories, int frames, DataType dtype) {
        this.frames = frames;
        this.dtype = dtype;
        this.states = new INDArray[Math.multiplyExact(trajectories, frames)];
    }

    /**
     * Stores the final states of a mini-batch, replacing older states of the same rows.
     *
     * @param keys        the start rows of the B samples
     * @param horizon     k, the frames every sample was rolled
     * @param finalStates {@code [B, C, S, S]} states after k frames; copied, not kept
     * @throws IllegalArgumentException if a key is no frame row, or its frame plus k lies beyond
     *                                  its trajectory (not a sample this schedule planned)
     */
    public void store(int[] keys, int horizon, INDArray finalStates) {
        for (int key : keys) {
            if (key < 0 || key >= states.length || key % frames + horizon >= frames || horizon < 1) {
                throw new IllegalArgumentException("sample key " + key + " with a horizon of " + horizon
                        + " frames is not a start this schedule plans (keys " + Arrays.toString(keys) + ", "
                        + states.length / frames + " trajectories of " + frames + " frames)");
            }
        }
        for (int b = 0; b < keys.length; b++) {
            int row = keys[b] + horizon;
            if (row % frames == frames - 1) {
                continue; // the last frame of a trajectory never starts a sample
            }
            if (states[row] == null) {
                stored++;
            } else {
                states[row].close(); // a private copy: nothing else refers to it
            }
            states[row] = finalStates.slice(b).dup('c').castTo(dtype);
        }
    }

    /** Whether a state is stored for this row. */
    public boolean has(int row) {
        return states[row] != null;
    }

    /**
     * Copies the state stored for a row into {@code target}.
     *
     * @param target a {@code [C, S, S]} array (typically one sample of a start {@code [B, C, S, S]})
     * @throws IllegalStateException if no state is stored for the row
     */
    public void copyInto(int row, INDArray target) {
        if (states[row] == null) {
            throw new IllegalStateException("no state is stored for frame row " + row);
        }
        target.assign(states[row]);
    }

    /** The number of rows holding a state. */
    public int size() {
        return stored;
    }

    /**
     * Adds this store to a schedule state (for {@link dev.nca.api.ScheduleRun#saveState()}): the
     * integer list {@code <prefix>rows}, the rows holding a state in increasing order, and the
     * array {@code <prefix>states} {@code [N, C, S, S]} in the store's data type, their states (an
     * empty store adds {@code rows} only).
     */
    public ScheduleState.Builder save(ScheduleState.Builder state, String prefix) {
        int[] rows = new int[stored];
        int n = 0;
        for (int row = 0; row < states.length; row++) {
            if (states[row] != null) {
                rows[n++] = row;
            }
        }
        state.ints(prefix + "rows", rows);
        if (n > 0) {
            INDArray[] kept = new INDArray[n];
            for (int i = 0; i < n; i++) {
                kept[i] = states[rows[i]];
            }
            INDArray stacked = Nd4j.stack(0, kept);
            state.array(prefix + "states", stacked);
            stacked.close(); // the builder keeps its own copy
        }
        return state;
    }

    /**
     * Replaces this store's content by what {@link #save} added to a state. Checks everything
     * first: on failure the store is unchanged.
     *
     * @param channels C of the states this run keeps
     * @param size     S, the lattice side
     * @throws IllegalArgumentException if the rows are not increasing frame rows that can hold a
     *                                  state, or the array's type or shape does not fit
     */
    public void restore(ScheduleState state, String prefix, int channels, int size) {
        int[] rows = state.ints(prefix + "rows");
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            if (row < 0 || row >= states.length || row % frames == frames - 1 || i > 0 && row <= rows[i - 1]) {
                throw new IllegalArgumentException("stored state row " + row + " is not a frame row of " + states.length
                        / frames + " trajectories of " + frames + " frames that can start a sample, in increasing "
                        + "order");
            }
        }
        INDArray saved = rows.length == 0 ? null
                : state.array(prefix + "states", dtype, rows.length, channels, size, size);
        Arrays.fill(states, null);
        for (int i = 0; i < rows.length; i++) {
            states[rows[i]] = saved.slice(i).dup('c');
        }
        stored = rows.length;
    }

    /**
     * Stores the final states of a mini-batch planned with start rows as keys and a horizon of
     * {@code batch.steps() / frameSpacing} frames: the plumbing of a schedule's
     * {@link dev.nca.api.ScheduleRun#accept} when it propagates states.
     *
     * @param batch        a mini-batch this schedule planned
     * @param frameSpacing NCA steps per data frame
     * @param finalStates  {@code [B, C, S, S]} states after {@code batch.steps()} steps; copied
     * @throws IllegalArgumentException if the steps are not a whole number of frames or a key is no
     *                                  start this store knows (see {@link #store})
     */
    public void storeFinal(MiniBatch batch, int frameSpacing, INDArray finalStates) {
        if (batch.steps() % frameSpacing != 0) {
            throw new IllegalArgumentException("mini-batch of " + batch.steps() + " steps is not a whole number of "
                    + "frames of " + frameSpacing + " steps: not a mini-batch this schedule planned");
        }
        store(batch.keys(), batch.steps() / frameSpacing, finalStates);
    }
}
