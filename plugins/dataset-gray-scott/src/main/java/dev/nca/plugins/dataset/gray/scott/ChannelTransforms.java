package dev.nca.plugins.dataset.gray.scott;

import java.util.SplittableRandom;

/**
 * Per-channel post-processing of frames stored as {@code [R, T, C, S, S]} row-major doubles:
 * min-max scaling and the measurement noise of paper 1, section 3.1.2. Both use the channel's
 * minimum and maximum over the whole dataset (every trajectory and frame).
 */
final class ChannelTransforms {

    private final double[] values;
    private final int channels;
    private final int cells;

    /**
     * @param values   frames, modified in place
     * @param channels C
     * @param cells    S * S
     */
    ChannelTransforms(double[] values, int channels, int cells) {
        this.values = values;
        this.channels = channels;
        this.cells = cells;
    }

    /**
     * The linear map of one channel onto [0, 1] by its dataset-wide minimum and maximum: the
     * constants of {@code scale = "minmax"}, kept so that a state can be mapped back to physical units.
     *
     * @param min the channel's smallest value
     * @param max its largest value; a constant channel (max = min) maps to 0
     */
    record MinMax(double min, double max) {

        /** The scaled value of physical value {@code v}. */
        double scale(double v) {
            return max > min ? (v - min) / (max - min) : 0.0;
        }

        /** The physical value of scaled value {@code y} (the inverse of {@link #scale}). */
        double unscale(double y) {
            return min + y * (max - min);
        }
    }

    /** The min-max constants of channel c over the dataset. */
    MinMax minMax(int c) {
        double[] r = range(c);
        return new MinMax(r[0], r[1]);
    }

    /** {@code {min, max}} of channel c over the dataset. */
    double[] range(int c) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int block = c * cells; block < values.length; block += channels * cells) {
            for (int i = block; i < block + cells; i++) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        return new double[] {min, max};
    }

    /** Maps every channel linearly onto [0, 1]; a constant channel becomes 0. */
    void minMaxScale() {
        for (int c = 0; c < channels; c++) {
            MinMax m = minMax(c);
            for (int block = c * cells; block < values.length; block += channels * cells) {
                for (int i = block; i < block + cells; i++) {
                    values[i] = m.scale(values[i]);
                }
            }
        }
    }

    /**
     * Replaces every value y of channel c by {@code (1 - xi) y + xi u}, u uniform in the channel's
     * [min, max]; values are visited in storage order, so the result is a function of the stream.
     */
    void addMeasurementNoise(double xi, SplittableRandom rng) {
        double[][] ranges = new double[channels][];
        for (int c = 0; c < channels; c++) {
            ranges[c] = range(c);
        }
        for (int i = 0; i < values.length; i++) {
            double[] r = ranges[(i / cells) % channels];
            double u = r[1] > r[0] ? rng.nextDouble(r[0], r[1]) : r[0];
            values[i] = (1 - xi) * values[i] + xi * u;
        }
    }
}
