package dev.nca.render;

/**
 * Pixel colours of single panels as {@code 0xRRGGBB} arrays in lattice resolution (row-major,
 * one entry per cell). The conventions are documented on {@link FrameRenderer}.
 */
final class Panels {

    private Panels() {
    }

    /** Each value through {@code colormap}, normalised by {@code range} or, if null, the values' own span. */
    static int[] colormapped(double[] values, Colormap colormap, ValueRange range) {
        ValueRange r = range != null ? range : ValueRange.spanOf(values);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            out[i] = colormap.rgb(Double.isNaN(v) ? Double.NaN : r == null ? 0.0 : r.normalise(v));
        }
        return out;
    }

    /** Channels 0..2 (and 3 as alpha, over white) as colours; {@code obs} must be 3 (4 with alpha). */
    static int[] rgba(Planes p, int obs, boolean alpha, int bad) {
        int need = alpha ? 4 : 3;
        if (obs != need) {
            throw new IllegalArgumentException("layout " + (alpha ? "RGBA" : "RGB") + " needs exactly " + need
                    + " observable channels, got " + obs);
        }
        double[] r = p.channel(0);
        double[] g = p.channel(1);
        double[] b = p.channel(2);
        double[] a = alpha ? p.channel(3) : null;
        int[] out = new int[r.length];
        for (int i = 0; i < r.length; i++) {
            double ai = alpha ? clip(a[i]) : 1.0;
            double ri = clip(r[i]);
            double gi = clip(g[i]);
            double bi = clip(b[i]);
            if (Double.isNaN(ai + ri + gi + bi)) {
                out[i] = bad;
                continue;
            }
            out[i] = pack(ai * ri + (1 - ai), ai * gi + (1 - ai), ai * bi + (1 - ai));
        }
        return out;
    }

    /** Channels first..first+2 jointly min-max normalised as red, green, blue (missing ones 0). */
    static int[] hiddenTriplet(Planes p, int first, int bad) {
        int present = Math.min(3, p.channels() - first);
        double[][] triplet = new double[present][];
        for (int k = 0; k < present; k++) {
            triplet[k] = p.channel(first + k);
        }
        ValueRange r = ValueRange.spanOf(triplet);
        int n = p.height() * p.width();
        int[] out = new int[n];
        double[] comp = new double[3];
        for (int i = 0; i < n; i++) {
            boolean nan = false;
            for (int k = 0; k < 3; k++) {
                if (k >= present) {
                    comp[k] = 0;
                    continue;
                }
                double v = triplet[k][i];
                nan |= Double.isNaN(v);
                comp[k] = r == null ? 0 : clip(r.normalise(v));
            }
            out[i] = nan ? bad : pack(comp[0], comp[1], comp[2]);
        }
        return out;
    }

    static double clip(double v) {
        return v <= 0 ? 0 : Math.min(v, 1);   // NaN passes through: both comparisons are false
    }

    static int pack(double r, double g, double b) {
        return (quantise(r) << 16) | (quantise(g) << 8) | quantise(b);
    }

    static int quantise(double v) {
        return (int) Math.round(v * 255);
    }
}
