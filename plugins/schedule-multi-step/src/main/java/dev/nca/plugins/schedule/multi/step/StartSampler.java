package dev.nca.plugins.schedule.multi.step;

import dev.nca.support.frames.FrameRows;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws start frames for a horizon of k frames: uniformly among the {@code R (T - k)} frames
 * {@code (r, i)} with {@code i + k < T}, so that frame {@code i + k} exists.
 */
final class StartSampler {

    private StartSampler() {
    }

    /**
     * Draws the start frames of one mini-batch.
     *
     * @param frames      the data
     * @param k           horizon in frames, {@code 1 <= k < T}
     * @param count       the mini-batch size asked for
     * @param replacement {@code true}: {@code count} independent uniform draws (a start may repeat);
     *                    {@code false}: a uniformly random set of {@code min(count, R (T - k))}
     *                    distinct starts in random order
     * @param rng         the stream to draw from
     * @return the rows ({@link FrameRows#row}) of the start frames
     */
    static int[] draw(FrameRows frames, int k, int count, boolean replacement, SplittableRandom rng) {
        int perTrajectory = frames.frames() - k;
        if (k < 1 || perTrajectory < 1) {
            throw new IllegalArgumentException("horizon " + k + " frames needs more than " + k
                    + " frames per trajectory, the data have " + frames.frames());
        }
        int eligible = frames.trajectories() * perTrajectory;
        int[] picks = replacement ? withReplacement(eligible, count, rng) : withoutReplacement(eligible, count, rng);
        int[] rows = new int[picks.length];
        for (int b = 0; b < picks.length; b++) {
            rows[b] = frames.row(picks[b] / perTrajectory, picks[b] % perTrajectory);
        }
        return rows;
    }

    private static int[] withReplacement(int n, int count, SplittableRandom rng) {
        int[] out = new int[count];
        for (int b = 0; b < count; b++) {
            out[b] = rng.nextInt(n);
        }
        return out;
    }

    /**
     * The first {@code min(count, n)} entries of a Fisher-Yates shuffle of {@code 0..n-1}, with the
     * swapped entries kept in a map so the cost is proportional to the draws, not to n.
     */
    private static int[] withoutReplacement(int n, int count, SplittableRandom rng) {
        int b = Math.min(count, n);
        int[] out = new int[b];
        Map<Integer, Integer> moved = new HashMap<>();
        for (int j = 0; j < b; j++) {
            int pick = j + rng.nextInt(n - j);
            out[j] = moved.getOrDefault(pick, pick);
            moved.put(pick, moved.getOrDefault(j, j));
        }
        return out;
    }
}
