package dev.nca.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmarks are meant for single-threaded native ops, as in training ({@code bin/nca} exports
 * {@code OMP_NUM_THREADS=1}). JMH cannot set a forked JVM's environment, so the caller must export
 * it; this warns in the benchmark's output when it was not.
 */
final class NativeThreads {

    private static final Logger LOG = LoggerFactory.getLogger(NativeThreads.class);

    private NativeThreads() {
    }

    /** Logs a warning unless {@code OMP_NUM_THREADS} is 1. */
    static void warnUnlessSingle() {
        String value = System.getenv("OMP_NUM_THREADS");
        if (!"1".equals(value)) {
            LOG.warn("OMP_NUM_THREADS is {}, not 1: native ops may use several threads, unlike in training; "
                    + "run as OMP_NUM_THREADS=1 java -jar benchmarks.jar", value == null ? "unset" : "'" + value + "'");
        }
    }
}
