package dev.nca.runtime.evaluate;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How far an NCA, rolled from the first frame of each held-out trajectory, is from the data at every
 * frame time.
 *
 * <p>For frame time index i (NCA step {@code steps[i]}) and trajectory r, with x the NCA's observable
 * channels and y the data frame, both {@code [C_obs, S, S]}:
 * {@code error[i][r] = ||x - y||} and {@code truthNorm[i][r] = ||y||} (Euclidean norms over all
 * C_obs*S*S values, computed in double precision).
 *
 * @param steps      NCA steps of the frame times, {@code 0, t, 2t, ...} (T values)
 * @param error      {@code [T][R]} Euclidean errors
 * @param truthNorm  {@code [T][R]} Euclidean norms of the data frames
 * @param prediction the NCA's observable channels for trajectory 0 at every frame time,
 *                   {@code [T, C_obs, S, S]} in the model's data type (for pictures)
 * @param wrong      {@code [T][R]} fraction of observable values on the other side of a threshold
 *                   than the data ({@code (x > theta) != (y > theta)}), or {@code null} when no
 *                   threshold was given (e.g. Game of Life: the fraction of cells wrong)
 */
public record Evaluation(long[] steps, double[][] error, double[][] truthNorm, INDArray prediction,
                         double[][] wrong) {

    /** An evaluation without thresholded errors. */
    public Evaluation(long[] steps, double[][] error, double[][] truthNorm, INDArray prediction) {
        this(steps, error, truthNorm, prediction, null);
    }

    public Evaluation {
        Objects.requireNonNull(prediction, "prediction");
        steps = steps.clone();
        error = deepCopy(error);
        truthNorm = deepCopy(truthNorm);
        wrong = wrong == null ? null : deepCopy(wrong);
        if (wrong != null && wrong.length != steps.length) {
            throw new IllegalArgumentException("need one wrong-fraction row per frame time (" + steps.length
                    + "), got " + wrong.length);
        }
        if (error.length != steps.length || truthNorm.length != steps.length || prediction.size(0) != steps.length) {
            throw new IllegalArgumentException("need one row per frame time (" + steps.length + "), got "
                    + error.length + " error rows, " + truthNorm.length + " norm rows and " + prediction.size(0)
                    + " predicted frames");
        }
    }

    @Override
    public long[] steps() {
        return steps.clone();
    }

    @Override
    public double[][] error() {
        return deepCopy(error);
    }

    @Override
    public double[][] truthNorm() {
        return deepCopy(truthNorm);
    }

    @Override
    public double[][] wrong() {
        return wrong == null ? null : deepCopy(wrong);
    }

    /** The mean over trajectories of the thresholded wrong fraction per frame time, or null without one. */
    public double[] meanWrong() {
        if (wrong == null) {
            return null;
        }
        double[] out = new double[steps.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.stream(wrong[i]).average().orElse(Double.NaN);
        }
        return out;
    }

    /** T, the number of frame times. */
    public int frames() {
        return steps.length;
    }

    /** R, the number of trajectories. */
    public int trajectories() {
        return steps.length == 0 ? 0 : error[0].length;
    }

    /** The mean over trajectories of the Euclidean error, per frame time ({@code [T]}). */
    public double[] meanError() {
        double[] out = new double[steps.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.stream(error[i]).average().orElse(Double.NaN);
        }
        return out;
    }

    /**
     * The mean over trajectories of the relative error {@code ||x - y|| / ||y||}, per frame time
     * ({@code [T]}). Trajectories whose data frame is all zero ({@code ||y|| = 0}) are left out of the
     * mean; a frame time where every data frame is zero gives NaN.
     */
    public double[] meanRelativeError() {
        double[] out = new double[steps.length];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            int n = 0;
            for (int r = 0; r < error[i].length; r++) {
                if (truthNorm[i][r] > 0) {
                    sum += error[i][r] / truthNorm[i][r];
                    n++;
                }
            }
            out[i] = n == 0 ? Double.NaN : sum / n;
        }
        return out;
    }

    /**
     * The index of a frame time.
     *
     * @return i with {@code steps()[i] == step}, or -1 when {@code step} is not a frame time
     */
    public int indexOf(long step) {
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] == step) {
                return i;
            }
        }
        return -1;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
