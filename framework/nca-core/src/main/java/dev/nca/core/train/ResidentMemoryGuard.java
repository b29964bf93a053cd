package dev.nca.core.train;

import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.bytedeco.javacpp.Pointer;

/**
 * Keeps the resident memory of a training process bounded by asking the JVM for a garbage
 * collection when it grows past a threshold.
 *
 * <p>Why: ND4J frees the native (off-heap) buffer of an array only after the garbage collector
 * has found its Java object unreachable. Those objects are a few hundred bytes each while their
 * buffers can be megabytes, so the Java heap fills slowly and collections are rare: a training
 * loop that allocates a few hundred megabytes of temporaries per second (e.g. Game of Life
 * rollouts of 8 steps at 20 epochs per second) then holds gigabytes of dead buffers, and two such
 * runs exhausted a 24 GB machine. {@link #afterEpoch()} is called once per epoch; when the
 * resident set size exceeds the threshold it calls {@code System.gc()}, at most once per
 * {@code minInterval}, so a run whose live arrays legitimately exceed the threshold pays at most
 * one collection per interval (typically tens of milliseconds).
 *
 * <p>The threshold comes from the system property {@value #THRESHOLD_PROPERTY} (bytes, or a whole
 * number with a unit k, m, g, t: {@code 4g}; {@code bin/nca} sets it from {@code NCA_GC_RSS}),
 * default {@value #DEFAULT_THRESHOLD_TEXT}; {@code 0} disables the guard. Not thread-safe: one
 * training loop calls it.
 */
public final class ResidentMemoryGuard {

    /** System property holding the threshold. */
    public static final String THRESHOLD_PROPERTY = "nca.gc.rss";
    static final String DEFAULT_THRESHOLD_TEXT = "4g";
    private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

    private final long threshold;
    private final long minIntervalNanos;
    private final LongSupplier residentBytes;
    private final LongSupplier nanoClock;
    private final Runnable collector;
    private boolean collectedBefore;
    private long lastCollection;
    private int collections;

    /**
     * @param threshold        resident bytes above which a collection is requested; 0 disables
     * @param minIntervalNanos least time between two requested collections
     * @param residentBytes    the current resident set size in bytes (negative: unknown, no action)
     * @param nanoClock        a monotonic clock in nanoseconds
     * @param collector        what collects garbage ({@code System::gc} in production)
     */
    public ResidentMemoryGuard(long threshold, long minIntervalNanos, LongSupplier residentBytes, LongSupplier nanoClock,
                               Runnable collector) {
        if (threshold < 0 || minIntervalNanos < 0) {
            throw new IllegalArgumentException("threshold and interval must be >= 0, got " + threshold + ", "
                    + minIntervalNanos);
        }
        this.threshold = threshold;
        this.minIntervalNanos = minIntervalNanos;
        this.residentBytes = Objects.requireNonNull(residentBytes, "residentBytes");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.collector = Objects.requireNonNull(collector, "collector");
    }

    /**
     * The guard of this process: threshold from {@value #THRESHOLD_PROPERTY}, one collection per
     * second at most, resident size from JavaCPP ({@link Pointer#physicalBytes()}).
     *
     * @throws IllegalArgumentException naming the property if its value is not a size
     */
    public static ResidentMemoryGuard forThisProcess() {
        String text = System.getProperty(THRESHOLD_PROPERTY, DEFAULT_THRESHOLD_TEXT);
        return new ResidentMemoryGuard(parseBytes(text), MIN_INTERVAL_NANOS, Pointer::physicalBytes, System::nanoTime,
                System::gc);
    }

    /**
     * Reads a size: a whole number of bytes, optionally followed by one of k, m, g, t (any case,
     * powers of 1024).
     *
     * @throws IllegalArgumentException naming {@value #THRESHOLD_PROPERTY} if it is not one
     */
    static long parseBytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> shift = 10;
                case 'm' -> shift = 20;
                case 'g' -> shift = 30;
                case 't' -> shift = 40;
                default -> shift = -1;
            }
        }
        String digits = shift > 0 ? t.substring(0, t.length() - 1) : t;
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 12
                || Long.parseLong(digits) > Long.MAX_VALUE >> Math.max(shift, 0)) {
            throw new IllegalArgumentException(THRESHOLD_PROPERTY + " (NCA_GC_RSS) is '" + text
                    + "'; give a whole number of bytes, optionally with a unit k, m, g or t, such as 4g, or 0 to turn "
                    + "the collections off");
        }
        return Long.parseLong(digits) << Math.max(shift, 0);
    }

    /**
     * Requests a collection if the resident size is above the threshold and the last requested
     * collection is at least the minimum interval ago.
     *
     * @return whether a collection was requested
     */
    public boolean afterEpoch() {
        if (threshold == 0) {
            return false;
        }
        long resident = residentBytes.getAsLong();
        if (resident <= threshold) {
            return false;
        }
        long now = nanoClock.getAsLong();
        if (collectedBefore && now - lastCollection < minIntervalNanos) {
            return false;
        }
        collector.run();
        collectedBefore = true;
        lastCollection = now;
        collections++;
        return true;
    }

    /** The collections requested so far. */
    public int collections() {
        return collections;
    }

    /** The threshold in bytes (0: disabled). */
    public long threshold() {
        return threshold;
    }
}
