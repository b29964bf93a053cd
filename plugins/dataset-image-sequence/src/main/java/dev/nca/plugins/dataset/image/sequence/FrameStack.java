package dev.nca.plugins.dataset.image.sequence;

import dev.nca.support.image.PlanarImage;
import dev.nca.support.image.Resampling;
import java.util.List;

/**
 * Loaded user data: R trajectories of T square frames with C channels, as doubles in row-major
 * order {@code [R, T, C, S, S]}, plus channel names and where the data came from.
 *
 * @param values       {@code [R, T, C, S, S]} row-major (owned by this object; do not share)
 * @param trajectories R
 * @param frames       T
 * @param channels     C
 * @param size         S
 * @param channelNames one name per channel
 * @param origin       the file or folder the data were read from, for messages
 * @param unitRange    whether every value is known to lie in [0, 1] (picture channels)
 */
record FrameStack(double[] values, int trajectories, int frames, int channels, int size, List<String> channelNames,
                  String origin, boolean unitRange) {

    FrameStack {
        channelNames = List.copyOf(channelNames);
        long expected = (long) trajectories * frames * channels * size * size;
        if (values.length != expected || channelNames.size() != channels) {
            throw new IllegalArgumentException("inconsistent frame stack: " + values.length + " values for ["
                    + trajectories + ", " + frames + ", " + channels + ", " + size + ", " + size + "] and "
                    + channelNames.size() + " channel names");
        }
    }

    /** The number of values in one frame, C * S * S. */
    int frameLength() {
        return channels * size * size;
    }

    /** Every frame resized to {@code side x side}; this stack when it already has that size. */
    FrameStack resized(int side, Resampling resampling) {
        if (side == size) {
            return this;
        }
        int inLength = frameLength();
        int outLength = channels * side * side;
        int count = trajectories * frames;
        double[] out = new double[Math.multiplyExact(count, outLength)];
        for (int f = 0; f < count; f++) {
            double[] frame = new double[inLength];
            System.arraycopy(values, f * inLength, frame, 0, inLength);
            PlanarImage small = resampling.resize(new PlanarImage(channels, size, size, frame), side, side);
            System.arraycopy(small.values(), 0, out, f * outLength, outLength);
        }
        return new FrameStack(out, trajectories, frames, channels, side, channelNames, origin, unitRange);
    }

    /** The first {@code t} frames of every trajectory ({@code t <= frames}). */
    FrameStack firstFrames(int t) {
        if (t == frames) {
            return this;
        }
        int length = frameLength();
        double[] out = new double[Math.multiplyExact(trajectories * t, length)];
        for (int r = 0; r < trajectories; r++) {
            System.arraycopy(values, r * frames * length, out, r * t * length, t * length);
        }
        return new FrameStack(out, trajectories, t, channels, size, channelNames, origin, unitRange);
    }

    /** {@code {min, max}} of channel c over every trajectory and frame. */
    double[] range(int c) {
        int cells = size * size;
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

    /**
     * A copy with channel c mapped by {@code (v - ranges[c][0]) / (ranges[c][1] - ranges[c][0])};
     * a channel whose range is a single value maps to 0.
     */
    FrameStack scaled(double[][] ranges) {
        int cells = size * size;
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            double[] r = ranges[(i / cells) % channels];
            double span = r[1] - r[0];
            out[i] = span > 0 ? (out[i] - r[0]) / span : 0.0;
        }
        return new FrameStack(out, trajectories, frames, channels, size, channelNames, origin, true);
    }
}
