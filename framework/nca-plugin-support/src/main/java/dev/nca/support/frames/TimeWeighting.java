package dev.nca.support.frames;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the loss of one sample is spread over the frames 1..k of a horizon of k frames when every
 * intermediate frame is a target. The weights of a horizon always sum to 1, so a sample's loss has
 * the scale of a single-step loss whatever k is.
 */
public enum TimeWeighting {

    /** {@code w_j = 1 / k}: every frame counts the same. */
    UNIFORM,

    /** {@code w_j = 2 j / (k (k + 1))}: later frames count more, in proportion to j. */
    LINEAR,

    /** {@code w_k = 1}, all others 0: only the horizon counts. */
    FINAL;

    /** The recipe spellings, in declaration order. */
    public static List<String> choices() {
        return Arrays.stream(values()).map(TimeWeighting::recipeName).toList();
    }

    /** The recipe spelling, e.g. {@code "linear"}. */
    public String recipeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for a recipe spelling listed in {@link #choices()}. */
    public static TimeWeighting fromRecipe(String text) {
        for (TimeWeighting w : values()) {
            if (w.recipeName().equals(text)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown time weighting \"" + text + "\"; allowed: " + choices());
    }

    /**
     * The weights of frames 1..k.
     *
     * @param k the horizon in frames, at least 1
     * @return {@code k} non-negative weights summing to 1 (entry {@code j - 1} is frame j's)
     */
    public double[] weights(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("horizon must be at least 1 frame, got " + k);
        }
        double[] w = new double[k];
        switch (this) {
            case UNIFORM -> Arrays.fill(w, 1.0 / k);
            case LINEAR -> {
                double total = k * (k + 1) / 2.0;
                for (int j = 1; j <= k; j++) {
                    w[j - 1] = j / total;
                }
            }
            case FINAL -> w[k - 1] = 1.0;
            default -> throw new IllegalStateException("unhandled time weighting " + this);
        }
        return w;
    }
}
