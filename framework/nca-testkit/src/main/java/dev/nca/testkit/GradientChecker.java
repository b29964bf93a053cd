package dev.nca.testkit;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares an analytic gradient with central finite differences in float64.
 *
 * <p>For a scalar function {@code f} of an array {@code x} (float64, any shape) the numeric
 * gradient of entry {@code i} is {@code (f(x + h e_i) - f(x - h e_i)) / (2h)}. An entry passes when
 * {@code |analytic - numeric| <= absoluteTolerance + relativeTolerance * max(|analytic|, |numeric|)}.
 * The function is evaluated {@code 2 * x.length()} times on a private copy of {@code x}; it must
 * not keep a reference to its argument. Keep the arrays small (a few hundred entries).
 *
 * <p>Per-sample losses {@code [B]} are checked through their sum ({@link #sumOf(Function)}): each
 * sample's loss depends only on its own sample, so the gradient of the sum is the per-sample
 * gradient the loss writes out.
 *
 * <pre>{@code
 * GradientChecker checker = GradientChecker.standard();
 * checker.check("relu", a -> Transforms.relu(a).sumNumber().doubleValue(), x, analyticGradient);
 * }</pre>
 *
 * <p>Instances are immutable; {@code with...} methods return modified copies.
 */
public final class GradientChecker {

    private final double step;
    private final double relativeTolerance;
    private final double absoluteTolerance;

    private GradientChecker(double step, double relativeTolerance, double absoluteTolerance) {
        if (!(step > 0) || !(relativeTolerance >= 0) || !(absoluteTolerance >= 0)) {
            throw new IllegalArgumentException("step must be > 0 and tolerances >= 0, got step " + step
                    + ", rtol " + relativeTolerance + ", atol " + absoluteTolerance);
        }
        this.step = step;
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerance;
    }

    /** Step {@code h = 1e-6}, relative tolerance {@code 1e-5}, absolute tolerance {@code 1e-8}. */
    public static GradientChecker standard() {
        return new GradientChecker(1e-6, 1e-5, 1e-8);
    }

    /** A copy with finite-difference step {@code h}. */
    public GradientChecker withStep(double h) {
        return new GradientChecker(h, relativeTolerance, absoluteTolerance);
    }

    /** A copy with the given relative and absolute tolerances. */
    public GradientChecker withTolerance(double relative, double absolute) {
        return new GradientChecker(step, relative, absolute);
    }

    /** The finite-difference step h. */
    public double step() {
        return step;
    }

    /**
     * A scalar function summing a per-sample function: {@code x -> sum_b perSample(x)[b]}.
     *
     * @param perSample maps {@code x} to per-sample values (any shape, typically {@code [B]})
     */
    public static ToDoubleFunction<INDArray> sumOf(Function<INDArray, INDArray> perSample) {
        Objects.requireNonNull(perSample, "perSample");
        return x -> perSample.apply(x).castTo(DataType.DOUBLE).sumNumber().doubleValue();
    }

    /**
     * Computes the central-difference gradient of {@code f} at {@code x} and compares it with
     * {@code analytic}.
     *
     * @param f        a scalar function; evaluated on float64 copies of {@code x}
     * @param x        the point, float64, not modified
     * @param analytic the claimed gradient, same shape as {@code x}
     * @return the comparison, whether it passed or not
     */
    public Result compare(ToDoubleFunction<INDArray> f, INDArray x, INDArray analytic) {
        Objects.requireNonNull(f, "f");
        if (x.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("gradient checks need float64 inputs, got " + x.dataType());
        }
        if (!Arrays.equals(x.shape(), analytic.shape())) {
            throw new IllegalArgumentException("analytic gradient shape " + Arrays.toString(analytic.shape())
                    + " differs from input shape " + Arrays.toString(x.shape()));
        }
        INDArray probe = x.dup('c');
        INDArray claimed = analytic.castTo(DataType.DOUBLE).dup('c');
        long n = probe.length();
        long worst = -1;
        double worstExcess = Double.NEGATIVE_INFINITY;
        double worstNumeric = Double.NaN;
        int failures = 0;
        for (long i = 0; i < n; i++) {
            double original = probe.getDouble(i);
            probe.putScalar(i, original + step);
            double plus = f.applyAsDouble(probe);
            probe.putScalar(i, original - step);
            double minus = f.applyAsDouble(probe);
            probe.putScalar(i, original);
            double numeric = (plus - minus) / (2 * step);
            double a = claimed.getDouble(i);
            double allowed = absoluteTolerance + relativeTolerance * Math.max(Math.abs(a), Math.abs(numeric));
            double excess = Math.abs(a - numeric) - allowed;
            if (Double.isNaN(excess)) {
                excess = Double.POSITIVE_INFINITY;
            }
            if (excess > 0) {
                failures++;
            }
            if (excess > worstExcess) {
                worstExcess = excess;
                worst = i;
                worstNumeric = numeric;
            }
        }
        if (worst < 0) {
            return new Result(new long[0], Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY, 0, 0);
        }
        return new Result(unravel(worst, probe.shape()), claimed.getDouble(worst), worstNumeric, worstExcess,
                failures, n);
    }

    /**
     * Like {@link #compare} but throws an {@link AssertionError} naming {@code what}, the worst
     * index, the analytic and numeric values and the number of failing entries.
     */
    public void check(String what, ToDoubleFunction<INDArray> f, INDArray x, INDArray analytic) {
        Result r = compare(f, x, analytic);
        if (!r.passed()) {
            throw new AssertionError(what + ": analytic gradient differs from central finite differences (h="
                    + step + ") at " + r.failures() + " of " + r.checked() + " entries; worst at index "
                    + Arrays.toString(r.worstIndex()) + ": analytic " + r.analytic() + ", numeric " + r.numeric()
                    + " (tolerance " + absoluteTolerance + " + " + relativeTolerance + " * max(|a|, |n|))");
        }
    }

    private static long[] unravel(long flat, long[] shape) {
        long[] index = new long[shape.length];
        long rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = rest % shape[d];
            rest /= shape[d];
        }
        return index;
    }

    /**
     * Outcome of a comparison.
     *
     * @param worstIndex  multi-index of the entry furthest outside the tolerance (or closest to it)
     * @param analytic    the analytic value there
     * @param numeric     the finite-difference value there
     * @param worstExcess how far that entry is outside its tolerance (negative: inside)
     * @param failures    number of entries outside the tolerance
     * @param checked     number of entries compared
     */
    public record Result(long[] worstIndex, double analytic, double numeric, double worstExcess, int failures,
                         long checked) {
        /** Whether every entry is within tolerance. */
        public boolean passed() {
            return failures == 0;
        }
    }
}
