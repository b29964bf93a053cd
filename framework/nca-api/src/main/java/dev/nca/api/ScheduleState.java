package dev.nca.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A snapshot of a {@link ScheduleRun}'s state between two epochs, as a checkpoint stores it so
 * that a resumed run continues exactly as the interrupted one would have (see
 * {@link ScheduleRun#saveState()}).
 *
 * <p>It holds named floating-point arrays (FLOAT or DOUBLE, any shape, e.g. the propagated states
 * {@code [N, C, S, S]} in the run's data type) and named integer lists (e.g. which sample each of
 * those N states belongs to, or a counter as a one-element list). Names are 1 to 64 characters
 * from {@code [A-Za-z0-9_.-]}, not starting with a dot, and unique across both kinds; a checkpoint
 * stores array {@code x} as the zip entry {@code schedule/x.npy} and the integers in its manifest.
 * Values round-trip exactly (bit for bit).
 *
 * <p>Immutable: the builder copies every array (C order) and list, so a state never aliases the
 * run that saved it; the arrays returned are shared with the state, so treat them as read-only
 * (copy what a run keeps).
 */
public final class ScheduleState {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}");
    private static final ScheduleState EMPTY = new ScheduleState(Map.of(), Map.of());

    private final Map<String, INDArray> arrays;
    private final Map<String, long[]> integers;

    private ScheduleState(Map<String, INDArray> arrays, Map<String, long[]> integers) {
        this.arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        this.integers = Collections.unmodifiableMap(new LinkedHashMap<>(integers));
    }

    /** The state of a run that keeps nothing between epochs: resuming it is exact with no data. */
    public static ScheduleState empty() {
        return EMPTY;
    }

    /** A builder for a state. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the state holds no array and no integer list. */
    public boolean isEmpty() {
        return arrays.isEmpty() && integers.isEmpty();
    }

    /** The names of the arrays, in the order they were added. */
    public Set<String> arrayNames() {
        return arrays.keySet();
    }

    /** The names of the integer lists, in the order they were added. */
    public Set<String> integerNames() {
        return integers.keySet();
    }

    /**
     * The named array (read-only, see the class doc).
     *
     * @throws IllegalArgumentException if there is none of that name
     */
    public INDArray array(String name) {
        INDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("the schedule state has no array '" + name + "' (it has "
                    + new TreeSet<>(arrays.keySet()) + ")");
        }
        return a;
    }

    /**
     * The named array, checked to have the given data type and shape: what a
     * {@link ScheduleRun#restoreState} calls to validate before it changes anything.
     *
     * @throws IllegalArgumentException naming the array, the expected and the actual type or shape
     */
    public INDArray array(String name, DataType dtype, long... shape) {
        INDArray a = array(name);
        if (a.dataType() != dtype) {
            throw new IllegalArgumentException("schedule state array '" + name + "' is " + a.dataType()
                    + ", this run keeps " + dtype);
        }
        if (!Arrays.equals(a.shape(), shape)) {
            throw new IllegalArgumentException("schedule state array '" + name + "' has shape "
                    + Arrays.toString(a.shape()) + ", this run needs " + Arrays.toString(shape));
        }
        return a;
    }

    /**
     * A copy of the named integer list.
     *
     * @throws IllegalArgumentException if there is none of that name
     */
    public long[] integers(String name) {
        long[] v = integers.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the schedule state has no integer list '" + name + "' (it has "
                    + new TreeSet<>(integers.keySet()) + ")");
        }
        return v.clone();
    }

    /**
     * A copy of the named integer list as {@code int}s.
     *
     * @throws IllegalArgumentException if there is none of that name or a value is outside the int range
     */
    public int[] ints(String name) {
        long[] v = integers(name);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != (int) v[i]) {
                throw new IllegalArgumentException("schedule state integer list '" + name + "' holds " + v[i]
                        + ", outside the int range");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    /** The bytes of the arrays' values (what a checkpoint stores for them, before compression). */
    public long arrayBytes() {
        return arrays.values().stream().mapToLong(a -> a.length() * a.dataType().width()).sum();
    }

    @Override
    public String toString() {
        return "ScheduleState" + arrays.keySet() + integers.keySet();
    }

    /** Collects the arrays and lists of a state; not thread-safe. */
    public static final class Builder {

        private final Map<String, INDArray> arrays = new LinkedHashMap<>();
        private final Map<String, long[]> integers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a copy (C order) of a FLOAT or DOUBLE array of any shape.
         *
         * @throws IllegalArgumentException for an invalid or repeated name, or another data type
         */
        public Builder array(String name, INDArray values) {
            checkName(name);
            Objects.requireNonNull(values, "values");
            if (values.dataType() != DataType.FLOAT && values.dataType() != DataType.DOUBLE) {
                throw new IllegalArgumentException("schedule state array '" + name + "' must be FLOAT or DOUBLE, got "
                        + values.dataType());
            }
            arrays.put(name, values.dup('c'));
            return this;
        }

        /** Adds a copy of an integer list. */
        public Builder integers(String name, long... values) {
            checkName(name);
            integers.put(name, Objects.requireNonNull(values, "values").clone());
            return this;
        }

        /** Adds an integer list of {@code int}s. */
        public Builder ints(String name, int... values) {
            return integers(name, Arrays.stream(Objects.requireNonNull(values, "values")).asLongStream().toArray());
        }

        /** The state: a snapshot of what was added. */
        public ScheduleState build() {
            return arrays.isEmpty() && integers.isEmpty() ? EMPTY : new ScheduleState(arrays, integers);
        }

        private void checkName(String name) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("schedule state name '" + name + "' must be 1 to 64 characters of "
                        + "[A-Za-z0-9_.-], not starting with a dot");
            }
            if (arrays.containsKey(name) || integers.containsKey(name)) {
                throw new IllegalArgumentException("schedule state name '" + name + "' is used twice");
            }
        }
    }
}
