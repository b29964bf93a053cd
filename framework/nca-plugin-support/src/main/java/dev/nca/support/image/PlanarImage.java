package dev.nca.support.image;

import java.util.Arrays;

/**
 * A small multi-channel image held as plain doubles in planar, row-major order {@code [C, H, W]}:
 * the value of channel c at row y, column x is {@code values[(c * H + y) * W + x]}. Row 0 is the
 * top of the picture, column 0 its left edge.
 *
 * <p>Instances are mutable only through {@link #set}; {@link #values()} returns the backing array
 * (not a copy) so that callers can fill large arrays without copying.
 */
public final class PlanarImage {

    private final int channels;
    private final int height;
    private final int width;
    private final double[] values;

    /** A zero image of the given shape. */
    public PlanarImage(int channels, int height, int width) {
        this(channels, height, width, new double[checkedLength(channels, height, width)]);
    }

    /**
     * Wraps {@code values} (not copied) as a {@code [channels, height, width]} image.
     *
     * @throws IllegalArgumentException when the length does not match the shape
     */
    public PlanarImage(int channels, int height, int width, double[] values) {
        int length = checkedLength(channels, height, width);
        if (values.length != length) {
            throw new IllegalArgumentException("a [" + channels + ", " + height + ", " + width + "] image needs "
                    + length + " values, got " + values.length);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.values = values;
    }

    private static int checkedLength(int channels, int height, int width) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image dimensions must be positive, got [" + channels + ", " + height
                    + ", " + width + "]");
        }
        return Math.multiplyExact(Math.multiplyExact(channels, height), width);
    }

    /** C, the number of channels. */
    public int channels() {
        return channels;
    }

    /** H, the number of rows. */
    public int height() {
        return height;
    }

    /** W, the number of columns. */
    public int width() {
        return width;
    }

    /** The value of channel c at row y, column x. */
    public double get(int c, int y, int x) {
        return values[(c * height + y) * width + x];
    }

    /** Sets the value of channel c at row y, column x. */
    public void set(int c, int y, int x, double value) {
        values[(c * height + y) * width + x] = value;
    }

    /** The backing array {@code [C, H, W]} in row-major order (not a copy). */
    public double[] values() {
        return values;
    }

    /** An independent copy. */
    public PlanarImage copy() {
        return new PlanarImage(channels, height, width, values.clone());
    }

    /** "HxW" for messages, e.g. {@code 64x48} (rows x columns). */
    public String sizeText() {
        return height + "x" + width;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanarImage p && p.channels == channels && p.height == height && p.width == width
                && Arrays.equals(p.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * channels + height) + width) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "PlanarImage[" + channels + ", " + height + ", " + width + "]";
    }
}
