package dev.nca.runtime.evaluate;

import dev.nca.api.Trajectories;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaParameters;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Measures a trained NCA against trajectories it has not seen: every trajectory's first frame (hidden
 * channels zero) is rolled forward as one batch over the whole horizon, {@code frameSpacing} steps
 * between frames, and the observable channels are compared with each data frame (see
 * {@link Evaluation}). Only the current batch state is kept between frame times. Not thread-safe
 * (the engine is not).
 */
public final class Evaluator {

    private final NcaEngine engine;
    private final NcaParameters params;

    /**
     * @param engine the model's engine, for the data's lattice size
     * @param params the model's parameters, in the engine's data type; not modified
     */
    public Evaluator(NcaEngine engine, NcaParameters params) {
        this.engine = engine;
        this.params = params;
    }

    /**
     * Rolls the NCA along {@code truth} and measures the errors.
     *
     * @param truth        data {@code [R, T, C_obs, S, S]} with C_obs the model's observable channels and S
     *                     the engine's lattice size
     * @param frameSpacing NCA steps between consecutive frames, >= 1
     * @param seed         seed of the update masks (used only when the update probability is below 1)
     * @return errors at the T frame times {@code 0, t, ..., (T-1) t}
     */
    public Evaluation evaluate(Trajectories truth, int frameSpacing, long seed) {
        return evaluate(truth, frameSpacing, seed, java.util.OptionalDouble.empty());
    }

    /**
     * As {@link #evaluate(Trajectories, int, long)}, also counting, when a threshold theta is given,
     * the fraction of observable values with {@code (x > theta) != (y > theta)} (see
     * {@link Evaluation#wrong()}).
     */
    public Evaluation evaluate(Trajectories truth, int frameSpacing, long seed, java.util.OptionalDouble threshold) {
        int observable = engine.config().observable();
        if (truth.channels() != observable || truth.size() != engine.size()) {
            throw new IllegalArgumentException("data must have " + observable + " channels on a " + engine.size()
                    + "^2 lattice, got " + Arrays.toString(truth.frames().shape()));
        }
        if (frameSpacing < 1) {
            throw new IllegalArgumentException("frameSpacing must be >= 1, got " + frameSpacing);
        }
        int frames = truth.length();
        long[] steps = new long[frames];
        double[][] error = new double[frames][];
        double[][] norm = new double[frames][];
        double[][] wrong = threshold.isPresent() ? new double[frames][] : null;
        INDArray prediction = Nd4j.create(engine.dataType(), frames, observable, truth.size(), truth.size());
        SplittableRandom masks = new SplittableRandom(seed);
        INDArray state = StartStates.all(truth, 0, engine.config().channels(), engine.dataType());
        for (int i = 0; i < frames; i++) {
            if (i > 0) {
                state = engine.rollout(params, state, frameSpacing, new int[0], masks, false).finalState();
            }
            INDArray x = state.get(NDArrayIndex.all(), NDArrayIndex.interval(0, observable));
            INDArray y = truth.frames().get(NDArrayIndex.all(), NDArrayIndex.point(i));
            steps[i] = (long) i * frameSpacing;
            error[i] = euclideanNorms(x.castTo(DataType.DOUBLE).sub(y.castTo(DataType.DOUBLE)));
            norm[i] = euclideanNorms(y);
            if (wrong != null) {
                wrong[i] = wrongFractions(x, y, threshold.getAsDouble());
            }
            prediction.get(NDArrayIndex.point(i)).assign(x.get(NDArrayIndex.point(0)));
        }
        return new Evaluation(steps, error, norm, prediction, wrong);
    }

    /**
     * Per sample, the fraction of values on different sides of {@code theta} in x and y; a NaN
     * prediction counts as wrong (a diverged rollout must not pass for "all dead").
     */
    static double[] wrongFractions(INDArray x, INDArray y, double theta) {
        long b = x.size(0);
        INDArray xd = x.castTo(DataType.DOUBLE);
        INDArray differ = xd.gt(theta).neq(y.castTo(DataType.DOUBLE).gt(theta)).castTo(DataType.DOUBLE);
        INDArray nan = xd.neq(xd).castTo(DataType.DOUBLE);
        INDArray wrong = org.nd4j.linalg.ops.transforms.Transforms.max(differ, nan, false);
        return wrong.dup('c').reshape(b, x.length() / b).mean(1).toDoubleVector();
    }

    /**
     * The Euclidean norm of each sample of a batch, in double precision.
     *
     * @param batch {@code [B, ...]}, any floating-point type; not modified
     * @return B norms over all values of each sample
     */
    static double[] euclideanNorms(INDArray batch) {
        long b = batch.size(0);
        INDArray flat = batch.castTo(DataType.DOUBLE).dup('c').reshape(b, batch.length() / b);
        return flat.norm2(1).toDoubleVector();
    }
}
