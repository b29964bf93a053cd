package dev.nca.plugins.dataset.gray.scott;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The initial condition: A = 1, B = 0 everywhere, then {@code count} square patches with A = 0.5,
 * B = 0.25. Each patch has a side drawn uniformly from {@code [minSide, maxSide]} and a top-left
 * corner drawn uniformly from the lattice; patches wrap around the edges.
 */
final class PatchSeeds {

    static final double PATCH_A = 0.5;
    static final double PATCH_B = 0.25;

    private PatchSeeds() {
    }

    /**
     * Fills {@code a} and {@code b} ({@code [S * S]} row-major) with a fresh initial condition.
     */
    static void fill(double[] a, double[] b, int size, int count, int minSide, int maxSide, SplittableRandom rng) {
        Arrays.fill(a, 1.0);
        Arrays.fill(b, 0.0);
        for (int p = 0; p < count; p++) {
            int side = rng.nextInt(minSide, maxSide + 1);
            int top = rng.nextInt(size);
            int leftEdge = rng.nextInt(size);
            for (int di = 0; di < side; di++) {
                int row = ((top + di) % size) * size;
                for (int dj = 0; dj < side; dj++) {
                    int c = row + (leftEdge + dj) % size;
                    a[c] = PATCH_A;
                    b[c] = PATCH_B;
                }
            }
        }
    }
}
