package dev.nca.runtime.analyse;

import dev.nca.api.NcaException;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.engine.Rollout;
import dev.nca.core.model.NcaParameters;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Perturbations of the initial condition's observable channels, delta {@code [1, C_obs, S, S]}
 * with {@code ||delta||_2 <= kappa}, chosen by projected gradient ascent (or descent) on the error
 * after n steps:
 * <pre>
 *   E(delta) = mean over observable channels and cells of (x_n(x0 + delta) - y)^2
 * </pre>
 * where y is the target {@code [1, C_obs, S, S]}. The gradient dE/d delta is the engine's own
 * back-propagation to the start state. The update masks are re-drawn from the same seed for every
 * evaluation, so E is a deterministic function of delta.
 */
public final class AdversarialSearch {

    /** One search's outcome: the error reached and the perturbation that reached it. */
    public record Result(double error, double norm, INDArray delta) {
    }

    private final NcaEngine engine;
    private final NcaParameters params;
    private final INDArray start;
    private final INDArray target;
    private final int steps;
    private final long maskSeed;
    private final int observable;

    /**
     * @param engine   the model's engine
     * @param params   its parameters
     * @param start    {@code [1, C, S, S]} the unperturbed initial condition
     * @param target   {@code [1, C_obs, S, S]} what the state's observable channels should be after n steps
     * @param steps    n >= 1
     * @param maskSeed seed of the update masks of every rollout
     */
    public AdversarialSearch(NcaEngine engine, NcaParameters params, INDArray start, INDArray target, int steps,
                             long maskSeed) {
        this.observable = engine.config().observable();
        if (start.rank() != 4 || start.size(0) != 1) {
            throw new IllegalArgumentException("start must be [1, C, S, S], got " + Arrays.toString(start.shape()));
        }
        if (target.rank() != 4 || target.size(1) != observable || target.size(3) != start.size(3)) {
            throw new IllegalArgumentException("target must be [1, " + observable + ", S, S], got "
                    + Arrays.toString(target.shape()));
        }
        if (steps < 1) {
            throw new NcaException("the number of steps must be at least 1, got " + steps);
        }
        this.engine = engine;
        this.params = params;
        this.start = start;
        this.target = target;
        this.steps = steps;
        this.maskSeed = maskSeed;
    }

    /** The error E(delta); delta {@code [1, C_obs, S, S]}. */
    public double error(INDArray delta) {
        INDArray last = roll(delta, false).finalState();
        INDArray d = StateNorms.observable(last, observable).sub(target);
        return d.mul(d).meanNumber().doubleValue();
    }

    /** The gradient dE/d delta, {@code [1, C_obs, S, S]}. */
    public INDArray gradient(INDArray delta) {
        Rollout r = roll(delta, true);
        INDArray last = r.finalState();
        INDArray g = Nd4j.zerosLike(last);
        INDArray d = StateNorms.observable(last, observable).sub(target);
        StateNorms.observable(g, observable).assign(d.mul(2.0 / d.length()));
        INDArray dStart = engine.backward(params, r, Map.of(steps, g), NcaParameters.zeros(engine.config(),
                engine.dataType()));
        return StateNorms.observable(dStart, observable).dup();
    }

    /**
     * Projected gradient ascent (maximise) or descent: normalised gradient steps of length
     * {@code 2.5 kappa / iterations}, each followed by projection onto the ball of radius kappa; the
     * best iterate wins. Ascent starts from a random direction on the sphere, descent from zero.
     *
     * @param kappa      the radius, > 0
     * @param iterations gradient steps, >= 1
     * @param maximise   ascent when true, descent when false
     * @param random     source of the random start of the ascent
     * @param progress   told after each iteration
     */
    public Result search(double kappa, int iterations, boolean maximise, SplittableRandom random, Progress progress) {
        requireRadius(kappa);
        if (iterations < 1) {
            throw new NcaException("the number of iterations must be at least 1, got " + iterations);
        }
        INDArray delta = maximise ? randomOnSphere(kappa, random) : zeroDelta();
        double sign = maximise ? 1 : -1;
        double stepLength = 2.5 * kappa / iterations;
        INDArray best = delta.dup();
        double bestError = error(delta);
        for (int i = 0; i < iterations; i++) {
            INDArray g = gradient(delta);
            double norm = g.norm2Number().doubleValue();
            if (norm == 0 || !Double.isFinite(norm)) {
                break;
            }
            delta.addi(g.muli(sign * stepLength / norm));
            project(delta, kappa);
            double e = error(delta);
            if (maximise ? e > bestError : e < bestError) {
                bestError = e;
                best = delta.dup();
            }
            progress.report("gradient steps at kappa " + kappa, i + 1, iterations);
        }
        return new Result(bestError, best.norm2Number().doubleValue(), best);
    }

    /** The errors of {@code draws} perturbations drawn uniformly on the sphere of radius kappa. */
    public double[] randomErrors(double kappa, int draws, SplittableRandom random) {
        requireRadius(kappa);
        double[] out = new double[draws];
        for (int i = 0; i < draws; i++) {
            out[i] = error(randomOnSphere(kappa, random));
        }
        return out;
    }

    /** A zero perturbation of the right shape and type. */
    public INDArray zeroDelta() {
        return Nd4j.zeros(engine.dataType(), 1, observable, start.size(2), start.size(3));
    }

    /** A perturbation uniform on the sphere of radius kappa (a normalised Gaussian vector). */
    public INDArray randomOnSphere(double kappa, SplittableRandom random) {
        INDArray delta = zeroDelta();
        double[] values = new double[(int) delta.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = gaussian(random);
        }
        delta.assign(Nd4j.create(values, delta.shape(), 'c').castTo(delta.dataType()));
        return delta.muli(kappa / delta.norm2Number().doubleValue());
    }

    private Rollout roll(INDArray delta, boolean tape) {
        INDArray perturbed = start.dup('c');
        StateNorms.observable(perturbed, observable).addi(delta);
        return engine.rollout(params, perturbed, steps, new int[0], new SplittableRandom(maskSeed), tape);
    }

    private static void project(INDArray delta, double kappa) {
        double norm = delta.norm2Number().doubleValue();
        if (norm > kappa) {
            delta.muli(kappa / norm);
        }
    }

    private static void requireRadius(double kappa) {
        if (!(kappa > 0) || !Double.isFinite(kappa)) {
            throw new NcaException("kappa (the perturbation's largest norm) must be a finite number > 0, got "
                    + kappa);
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
