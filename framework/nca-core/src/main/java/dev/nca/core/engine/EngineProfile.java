package dev.nca.core.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * Wall time the engine spent per kind of work, for benchmarks ("what dominates?"). Cheap enough
 * to stay on: a few {@code System.nanoTime()} calls per step.
 */
public final class EngineProfile {

    /** Kinds of work. */
    public enum Section {
        /** Java stencil, forward. */
        PERCEIVE,
        /** Java stencil adjoint. */
        PERCEIVE_ADJOINT,
        /** The two forward GEMMs. */
        GEMM_FORWARD,
        /** The four backward GEMMs. */
        GEMM_BACKWARD,
        /** Activation and its derivative. */
        ACTIVATION,
        /** Copies between the Java heap and ND4J buffers, layout changes. */
        TRANSFER,
        /** Masks, residual update, masked gradient, bias gradients. */
        ELEMENTWISE
    }

    private final long[] nanos = new long[Section.values().length];

    /** Adds the time since {@code since} (a {@link System#nanoTime()} reading) to section {@code s}. */
    public void add(Section s, long since) {
        nanos[s.ordinal()] += System.nanoTime() - since;
    }

    /** Seconds per section since the last {@link #reset()}. */
    public Map<Section, Double> seconds() {
        Map<Section, Double> out = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            out.put(s, nanos[s.ordinal()] / 1e9);
        }
        return out;
    }

    public void reset() {
        java.util.Arrays.fill(nanos, 0);
    }
}
