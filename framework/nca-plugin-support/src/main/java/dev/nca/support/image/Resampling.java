package dev.nca.support.image;

import java.util.Locale;

/**
 * How an image is resized. Both methods are separable (rows, then columns), treat every channel
 * independently and linearly, and map pixel centres as {@code (i + 1/2) * in / out}, so that the
 * picture's outer edges stay aligned. Resizing to the same size is the identity for both.
 * Apply them to premultiplied colours (see {@link PngImages}) so that transparent pixels do not
 * leak colour.
 */
public enum Resampling {

    /**
     * Area averaging (box filter): every output pixel is the mean of the input over its footprint,
     * each input pixel weighted by the fraction of the footprint it covers. Exact block means for
     * integer shrink factors (4x4 to 2x2 averages 2x2 blocks), no aliasing when shrinking, total
     * mass times {@code (out/in)^2} preserved; enlarging replicates pixels, blending only where a
     * footprint straddles two inputs.
     */
    AREA,

    /**
     * Bilinear interpolation between the four nearest input pixel centres, with edge pixels
     * repeated beyond the border (the output centre {@code (i + 1/2) * in / out - 1/2} is clamped
     * to {@code [0, in - 1]}). Smooth when enlarging; aliases when shrinking by more than 2.
     */
    BILINEAR;

    /** The recipe spelling, e.g. {@code "area"}. */
    public String recipeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method with the given recipe spelling. */
    public static Resampling fromRecipeName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Resizes every channel of {@code image} to {@code height x width}.
     *
     * @return a new image {@code [C, height, width]}; the input is not modified
     */
    public PlanarImage resize(PlanarImage image, int height, int width) {
        Weights rows = weights(image.height(), height);
        Weights cols = weights(image.width(), width);
        int c = image.channels();
        int inH = image.height();
        int inW = image.width();
        double[] in = image.values();
        double[] tmp = new double[c * inH * width];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < inH; y++) {
                int inRow = (ch * inH + y) * inW;
                int outRow = (ch * inH + y) * width;
                for (int x = 0; x < width; x++) {
                    tmp[outRow + x] = cols.apply(x, in, inRow, 1);
                }
            }
        }
        double[] out = new double[c * height * width];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < height; y++) {
                int outRow = (ch * height + y) * width;
                for (int x = 0; x < width; x++) {
                    out[outRow + x] = rows.apply(y, tmp, ch * inH * width + x, width);
                }
            }
        }
        return new PlanarImage(c, height, width, out);
    }

    private Weights weights(int in, int out) {
        return this == AREA ? Weights.area(in, out) : Weights.bilinear(in, out);
    }

    /** One-dimensional resampling weights: output i = sum_k weight[i][k] * input[first[i] + k]. */
    private record Weights(int[] first, double[][] weight) {

        double apply(int i, double[] data, int offset, int stride) {
            double sum = 0;
            double[] w = weight[i];
            int base = offset + first[i] * stride;
            for (int k = 0; k < w.length; k++) {
                sum += w[k] * data[base + k * stride];
            }
            return sum;
        }

        static Weights area(int in, int out) {
            int[] first = new int[out];
            double[][] weight = new double[out][];
            double step = (double) in / out;
            for (int i = 0; i < out; i++) {
                double lo = i * step;
                double hi = (i + 1) * step;
                int a = (int) Math.floor(lo);
                int b = Math.min(in, (int) Math.ceil(hi));
                double[] w = new double[b - a];
                for (int k = a; k < b; k++) {
                    w[k - a] = (Math.min(hi, k + 1) - Math.max(lo, k)) / step;
                }
                first[i] = a;
                weight[i] = w;
            }
            return new Weights(first, weight);
        }

        static Weights bilinear(int in, int out) {
            int[] first = new int[out];
            double[][] weight = new double[out][];
            double step = (double) in / out;
            for (int i = 0; i < out; i++) {
                double centre = Math.max(0, Math.min(in - 1, (i + 0.5) * step - 0.5));
                int a = (int) Math.floor(centre);
                double f = centre - a;
                first[i] = a;
                weight[i] = a + 1 < in ? new double[] {1 - f, f} : new double[] {1.0};
            }
            return new Weights(first, weight);
        }
    }
}
