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
            double[] r = range(c);
            double span = r[1] - r[0];
            double factor = span > 0 ? 1.0 / span : 0.0;
            for (int block = c * cells; block < values.length; block += channels * cells) {
                for (int i = block; i < block + cells; i++) {
                    values[i] = (values[i] - r[0]) * factor;
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
