package dev.nca.bench;

/**
 * JVM options of every benchmark fork, as {@code bin/nca} sets them for a 4 GB heap: native memory
 * (ND4J arrays) capped at twice the heap, the whole process at four times, and the Vector API
 * module. {@code OMP_NUM_THREADS}
 * is an environment variable, which JMH cannot set for a fork: export it before running.
 */
final class ForkSettings {

    static final String HEAP = "-Xmx4g";
    static final String MAX_NATIVE = "-Dorg.bytedeco.javacpp.maxbytes=8g";
    static final String MAX_PHYSICAL = "-Dorg.bytedeco.javacpp.maxphysicalbytes=16g";
    /** The Vector API module, for the engine's SIMD stencil loops (as {@code bin/nca} adds it). */
    static final String VECTOR = "--add-modules=jdk.incubator.vector";

    private ForkSettings() {
    }
}
