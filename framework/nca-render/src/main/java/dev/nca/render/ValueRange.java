package dev.nca.render;

/**
 * A closed value interval {@code [min, max]} mapped linearly onto a colormap's [0, 1].
 *
 * @param min finite lower end, mapped to 0
 * @param max finite upper end, mapped to 1; {@code max > min}
 */
public record ValueRange(double min, double max) {

    public ValueRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("value range needs finite min < max, got [" + min + ", " + max + "]");
        }
    }

    /** The normalised position of {@code v}: 0 at {@code min}, 1 at {@code max}, not clipped. */
    public double normalise(double v) {
        return (v - min) / (max - min);
    }

    /**
     * The range spanned by the finite values of the given planes, or {@code null} when there is no
     * finite value or all finite values are equal (a constant field has no meaningful range).
     */
    static ValueRange spanOf(double[]... planes) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] plane : planes) {
            for (double v : plane) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi > lo ? new ValueRange(lo, hi) : null;
    }
}
