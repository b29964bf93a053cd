package dev.nca.plugins.schedule.growing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sample pool of a growing NCA: {@code P} slots, each holding one full state {@code [C, S, S]}.
 *
 * <p>Every slot starts as the seed. A slot that was never written shares the one seed array
 * (so an unused pool costs almost nothing); {@link #put} stores a contiguous private copy. Memory
 * when every slot has been written: {@code P * C * S^2} values of the seed's data type (1024
 * slots of 16 x 48 x 48 float32 take 151 MB).
 *
 * <p>Not thread-safe.
 */
final class SamplePool {

    private final INDArray seed;
    private final INDArray[] slots;

    /**
     * @param size P, the number of slots, >= 1
     * @param seed {@code [C, S, S]} state every slot starts with; copied
     */
    SamplePool(int size, INDArray seed) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be >= 1, got " + size);
        }
        if (seed.rank() != 3) {
            throw new IllegalArgumentException("seed must be [C, S, S], got rank " + seed.rank());
        }
        this.seed = seed.dup('c');
        this.slots = new INDArray[size];
    }

    /** P, the number of slots. */
    int size() {
        return slots.length;
    }

    /** The shape {@code [C, S, S]} of every state. */
    long[] stateShape() {
        return seed.shape();
    }

    /** The seed {@code [C, S, S]}; read-only. */
    INDArray seed() {
        return seed;
    }

    /**
     * The state held in a slot, {@code [C, S, S]}. Read-only: the array may be the shared seed or
     * the pool's stored copy; copy it before changing it.
     */
    INDArray state(int slot) {
        checkSlot(slot);
        INDArray s = slots[slot];
        return s == null ? seed : s;
    }

    /** Whether the slot still holds the initial seed (was never written). */
    boolean untouched(int slot) {
        checkSlot(slot);
        return slots[slot] == null;
    }

    /**
     * Replaces a slot's state with a copy of {@code state}.
     *
     * @param slot  0..P-1
     * @param state {@code [C, S, S]} of the pool's shape; not modified, not kept
     */
    void put(int slot, INDArray state) {
        checkSlot(slot);
        if (!Arrays.equals(state.shape(), seed.shape())) {
            throw new IllegalArgumentException("state " + Arrays.toString(state.shape()) + " does not fit the pool's "
                    + Arrays.toString(seed.shape()));
        }
        slots[slot] = state.castTo(seed.dataType()).dup('c');
    }

    /** The written slots (those not {@link #untouched}), in increasing order. */
    int[] writtenSlots() {
        return IntStream.range(0, slots.length).filter(i -> slots[i] != null).toArray();
    }

    /**
     * Writes copies of saved states into slots, after checking everything (on failure the pool is
     * unchanged).
     *
     * @param written increasing slot indices
     * @param states  {@code [N, C, S, S]} of the pool's data type and state shape, N = written.length
     * @throws IllegalArgumentException if a slot is out of range or not increasing, or the states do not fit
     */
    void restore(int[] written, INDArray states) {
        for (int i = 0; i < written.length; i++) {
            checkSlot(written[i]);
            if (i > 0 && written[i] <= written[i - 1]) {
                throw new IllegalArgumentException("pool slots must be saved in increasing order, got " + written[i]
                        + " after " + written[i - 1]);
            }
        }
        long[] expected = new long[] {written.length, seed.size(0), seed.size(1), seed.size(2)};
        if (written.length > 0 && (states.dataType() != seed.dataType() || !Arrays.equals(states.shape(), expected))) {
            throw new IllegalArgumentException("saved pool states are " + states.dataType() + " "
                    + Arrays.toString(states.shape()) + ", this pool keeps " + seed.dataType() + " "
                    + Arrays.toString(expected));
        }
        Arrays.fill(slots, null);
        for (int i = 0; i < written.length; i++) {
            slots[written[i]] = states.slice(i).dup('c');
        }
    }

    /**
     * Draws {@code count} distinct slots uniformly without replacement, in random order (every
     * ordered selection is equally likely). Runs in O(count) time and memory: a partial
     * Fisher-Yates shuffle of the virtual sequence {@code 0..P-1}, remembering only the swaps.
     *
     * @param count 0..P
     * @param rng   the random stream to draw from
     */
    int[] sample(int count, SplittableRandom rng) {
        if (count < 0 || count > slots.length) {
            throw new IllegalArgumentException("cannot draw " + count + " distinct slots from a pool of "
                    + slots.length);
        }
        Map<Integer, Integer> moved = new HashMap<>();
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(slots.length - i);
            int atI = moved.getOrDefault(i, i);
            out[i] = moved.getOrDefault(j, j);
            moved.put(j, atI);
        }
        return out;
    }

    private void checkSlot(int slot) {
        if (slot < 0 || slot >= slots.length) {
            throw new IllegalArgumentException("pool slot " + slot + " outside 0.." + (slots.length - 1));
        }
    }
}
