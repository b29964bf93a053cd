package dev.nca.api;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The run's single source of randomness. Every random choice in a run draws from a named stream
 * derived from the one recipe seed, so adding a new consumer does not change the numbers the
 * others see, and the same seed reproduces the same run.
 *
 * @param seed the recipe seed
 */
public record RandomSource(long seed) {

    /** A fresh generator for the named stream; the same name always gives the same sequence. */
    public SplittableRandom stream(String name) {
        return new SplittableRandom(derive(name));
    }

    /** A 64-bit seed for the named stream (for libraries that take a seed, e.g. ND4J's RNG). */
    public long derive(String name) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return h;
    }

    /** A child source for a sub-component, e.g. {@code child("dataset")}. */
    public RandomSource child(String name) {
        return new RandomSource(derive(name));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
