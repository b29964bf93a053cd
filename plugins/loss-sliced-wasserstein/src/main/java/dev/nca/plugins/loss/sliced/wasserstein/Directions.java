package dev.nca.plugins.loss.sliced.wasserstein;

import dev.nca.api.RandomSource;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Random unit directions for the projections, drawn from the run's {@link RandomSource}: a
 * Gaussian vector per direction, normalised (uniform on the unit sphere).
 *
 * <p>{@code fixed}: one set per dimension for the whole run, from the stream
 * {@code "sliced-wasserstein/directions/<dimension>"} (the dimension is only known at the first
 * call), so every call uses the same directions whatever the call order.
 * {@code per_call}: a new set for every call, from the stream
 * {@code "sliced-wasserstein/directions/<dimension>/call/<k>"} where k counts this loss's calls
 * from 0; the sequence of sets is seeded, so runs whose calls come in the same order repeat.
 * Thread-safe.
 */
final class Directions {

    private final RandomSource random;
    private final int count;
    private final boolean perCall;
    private final Map<Integer, double[]> fixed = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    /**
     * @param random  the loss's random source
     * @param count   directions per set (n)
     * @param perCall redraw on every call instead of once per run
     */
    Directions(RandomSource random, int count, boolean perCall) {
        this.random = random;
        this.count = count;
        this.perCall = perCall;
    }

    int count() {
        return count;
    }

    /** The directions for one call: {@code count} unit vectors of the given dimension, row after row. */
    double[] next(int dimension) {
        String stream = "sliced-wasserstein/directions/" + dimension;
        if (perCall) {
            return draw(random.stream(stream + "/call/" + calls.getAndIncrement()), dimension);
        }
        return fixed.computeIfAbsent(dimension, d -> draw(random.stream(stream), d));
    }

    private double[] draw(SplittableRandom rng, int dimension) {
        double[] out = new double[count * dimension];
        for (int k = 0; k < count; k++) {
            int row = k * dimension;
            double norm = 0;
            while (norm == 0) {
                norm = 0;
                for (int i = 0; i < dimension; i++) {
                    double g = rng.nextGaussian();
                    out[row + i] = g;
                    norm += g * g;
                }
            }
            double inverse = 1 / Math.sqrt(norm);
            for (int i = 0; i < dimension; i++) {
                out[row + i] *= inverse;
            }
        }
        return out;
    }
}
