package dev.nca.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One plot axis: a value interval, linear or base-10 logarithmic, with tick positions and tick
 * labels. Linear ticks step by 1, 2 or 5 times a power of ten; log ticks sit on powers of ten
 * (every n-th decade when there are many), with unlabelled minor ticks at 2..9 times a power.
 */
final class AxisScale {

    private static final int TARGET_TICKS = 6;
    private static final double MARGIN = 0.05;

    private final boolean log;
    private final double lo;
    private final double hi;
    private final double step;

    private AxisScale(boolean log, double lo, double hi, double step) {
        this.log = log;
        this.lo = lo;
        this.hi = hi;
        this.step = step;
    }

    /**
     * A linear axis covering finite {@code [min, max]} plus a 5% margin on each side.
     *
     * @param integral whether values are integers (epochs): ticks then never fall between them
     */
    static AxisScale linear(double min, double max, boolean integral) {
        if (!(max >= min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("axis needs finite min <= max, got " + min + ", " + max);
        }
        double lo = min;
        double hi = max;
        if (hi == lo) {
            double pad = integral || lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        } else {
            double pad = (hi - lo) * MARGIN;
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / TARGET_TICKS);
        if (integral) {
            step = Math.max(1, step);
        }
        return new AxisScale(false, lo, hi, step);
    }

    /** A log axis covering positive {@code [min, max]} plus a small margin (in decades). */
    static AxisScale log(double min, double max) {
        if (!(min > 0) || !(max >= min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("log axis needs finite 0 < min <= max, got " + min + ", " + max);
        }
        double a = Math.log10(min);
        double b = Math.log10(max);
        double pad = Math.max((b - a) * MARGIN, 0.05);
        a -= pad;
        b += pad;
        double decades = Math.floor(b) - Math.ceil(a) + 1;
        double step = Math.max(1, Math.ceil(decades / (TARGET_TICKS + 2)));
        return new AxisScale(true, Math.pow(10, a), Math.pow(10, b), step);
    }

    boolean isLog() {
        return log;
    }

    double min() {
        return lo;
    }

    double max() {
        return hi;
    }

    /** Position of {@code v} along the axis: 0 at {@link #min()}, 1 at {@link #max()}. */
    double fraction(double v) {
        if (log) {
            return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        }
        return (v - lo) / (hi - lo);
    }

    /** Labelled tick values inside the axis, ascending. */
    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        if (log) {
            long first = (long) Math.ceil(Math.log10(lo) / step - 1e-9);
            for (long k = first; k * step <= Math.log10(hi) + 1e-9; k++) {
                out.add(Math.pow(10, k * step));
            }
            if (out.size() < 2) {
                return minorTicks();
            }
            return out;
        }
        long first = (long) Math.ceil(lo / step - 1e-9);
        for (long k = first; k * step <= hi + 1e-9 * step; k++) {
            out.add(k * step);
        }
        return out;
    }

    /** Unlabelled minor ticks: 2..9 times each power of ten on a log axis with one-decade steps. */
    List<Double> minorTicks() {
        List<Double> out = new ArrayList<>();
        if (!log || step > 1) {
            return out;
        }
        for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, e);
                if (v >= lo && v <= hi) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** The text for a tick value. */
    String label(double v) {
        if (v == 0) {
            return "0";
        }
        if (log) {
            int e = (int) Math.round(Math.log10(v));
            boolean power = Math.abs(v / Math.pow(10, e) - 1) < 1e-9;
            if (power && e >= -3 && e <= 3) {
                return e < 0 ? String.format(Locale.ROOT, "%." + (-e) + "f", v) : Long.toString(Math.round(v));
            }
            return power ? "1e" + e : scientific(v);
        }
        double mag = Math.max(Math.abs(lo), Math.abs(hi));
        if (mag >= 1e6 || step < 1e-4) {
            return scientific(v);
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** {@code 1.5e-5} style: at most three significant digits, no trailing zeros, no exponent padding. */
    static String scientific(double v) {
        String s = String.format(Locale.ROOT, "%.2e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + exponent;
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * p;
    }
}
