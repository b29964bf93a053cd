package dev.nca.plugins.schedule.stratified;

import dev.nca.api.PhaseLabels;
import dev.nca.support.frames.FrameRows;
import java.util.SplittableRandom;

/**
 * The frames of each phase, grouped by the label of the frame: {@code rows[p]} lists the rows
 * ({@link FrameRows#row}) of every frame labelled p, in increasing frame index i. The frames that
 * can start a horizon of k frames ({@code i + k < T}) are then a prefix of that list, whose length
 * {@code below[p][T - k]} is precomputed, so a uniform draw among them costs O(1).
 */
final class PhaseStrata {

    private final int frames;
    private final int[][] rows;
    /** {@code below[p][n]}: frames labelled p whose index i is below n, n = 0..T. */
    private final int[][] below;

    /**
     * @param labels per-frame labels {@code [R][T]}
     * @param data   the frames the labels belong to
     */
    PhaseStrata(PhaseLabels labels, FrameRows data) {
        int phases = labels.names().size();
        frames = data.frames();
        below = new int[phases][frames + 1];
        int[] perPhase = new int[phases];
        for (int r = 0; r < data.trajectories(); r++) {
            for (int i = 0; i < frames; i++) {
                perPhase[labels.label(r, i)]++;
            }
        }
        rows = new int[phases][];
        for (int p = 0; p < phases; p++) {
            rows[p] = new int[perPhase[p]];
        }
        int[] filled = new int[phases];
        for (int i = 0; i < frames; i++) {
            for (int p = 0; p < phases; p++) {
                below[p][i] = filled[p];
            }
            for (int r = 0; r < data.trajectories(); r++) {
                int p = labels.label(r, i);
                rows[p][filled[p]++] = data.row(r, i);
            }
        }
        for (int p = 0; p < phases; p++) {
            below[p][frames] = filled[p];
        }
    }

    /** The number of frames labelled with phase p. */
    int labelled(int phase) {
        return rows[phase].length;
    }

    /** The number of frames labelled p that can start a horizon of k frames ({@code i + k < T}). */
    int eligible(int phase, int k) {
        if (k < 1 || k >= frames) {
            throw new IllegalArgumentException("horizon " + k + " outside 1.." + (frames - 1));
        }
        return below[phase][frames - k];
    }

    /**
     * A uniformly random frame labelled p with {@code i + k < T}, as its row.
     *
     * @throws IllegalStateException if there is none (the schedule checks this at start)
     */
    int draw(int phase, int k, SplittableRandom rng) {
        int n = eligible(phase, k);
        if (n == 0) {
            throw new IllegalStateException("phase " + phase + " has no start frame for a horizon of " + k);
        }
        return rows[phase][rng.nextInt(n)];
    }
}
