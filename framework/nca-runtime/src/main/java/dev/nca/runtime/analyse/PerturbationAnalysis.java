package dev.nca.runtime.analyse;

import dev.nca.api.NcaException;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaParameters;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Local perturbation stability: rolls the start state to step {@code at}, adds a {@link Patch} at
 * every position of a grid (one batch sample per position, plus two unperturbed copies), rolls all
 * of them on and measures how far each perturbed rollout is from the unperturbed one over time.
 * A response that decays means the learned dynamics absorb local damage; one that grows means
 * they amplify it (as a chaotic or pattern-forming system may).
 */
public final class PerturbationAnalysis {

    private final NcaEngine engine;
    private final NcaParameters params;

    /**
     * @param engine the model's engine
     * @param params its parameters, in the engine's data type
     */
    public PerturbationAnalysis(NcaEngine engine, NcaParameters params) {
        this.engine = engine;
        this.params = params;
    }

    /**
     * The grid positions (top-left corners) of a patch of side {@code side} with the given stride:
     * 0, stride, 2 stride, ... up to S - side.
     */
    public static int[] gridPositions(int size, int side, int stride) {
        if (stride < 1) {
            throw new NcaException("the grid stride must be at least 1 cell, got " + stride);
        }
        int count = (size - side) / stride + 1;
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = i * stride;
        }
        return out;
    }

    /**
     * Runs the analysis.
     *
     * @param start    {@code [1, C, S, S]}
     * @param patch    the perturbation
     * @param stride   grid spacing of the patch positions, >= 1
     * @param at       steps from the start before perturbing, >= 0
     * @param after    increasing steps >= 1 after the perturbation at which to measure
     * @param seed     seed of the update masks
     * @param progress told after each measured step
     * @return the response per position and step (step 0 included)
     * @throws NcaException when the patch does not fit or a step is invalid
     */
    public PerturbationReport run(INDArray start, Patch patch, int stride, int at, int[] after, long seed,
                                  Progress progress) {
        if (start.rank() != 4 || start.size(0) != 1) {
            throw new IllegalArgumentException("start must be [1, C, S, S], got " + Arrays.toString(start.shape()));
        }
        int size = (int) start.size(3);
        patch.requireFits(size);
        if (patch.channels() > start.size(1)) {
            throw new NcaException("the patch perturbs " + patch.channels() + " channels but the model has "
                    + start.size(1));
        }
        if (at < 0) {
            throw new NcaException("the perturbation step must be >= 0, got " + at);
        }
        int[] grid = gridPositions(size, patch.side(), stride);
        INDArray base = at == 0 ? start.dup() : SteppedRollout.run(engine, params, start, new int[] {at}, seed,
                Progress.NONE, "rollout to the perturbation step").get(0);
        int positions = grid.length * grid.length;
        INDArray batch = Nd4j.create(base.dataType(), positions + 2, base.size(1), size, size);
        for (int b = 0; b < positions + 2; b++) {
            batch.slice(b).assign(base.slice(0));
        }
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid.length; j++) {
                patch.addTo(batch, 2 + i * grid.length + j, grid[i], grid[j]);
            }
        }
        List<INDArray> rolled = SteppedRollout.run(engine, params, batch, after, seed + 1, progress,
                "perturbed rollouts (" + positions + " positions)");
        int[] steps = new int[after.length + 1];
        System.arraycopy(after, 0, steps, 1, after.length);
        double[][][] response = new double[grid.length][grid.length][steps.length];
        double[] noise = new double[steps.length];
        int observable = engine.config().observable();
        for (int t = 0; t < steps.length; t++) {
            INDArray states = t == 0 ? batch : rolled.get(t - 1);
            noise[t] = StateNorms.rms(states, 0, states, 1, observable);
            for (int i = 0; i < grid.length; i++) {
                for (int j = 0; j < grid.length; j++) {
                    response[i][j][t] = StateNorms.rms(states, 2 + i * grid.length + j, states, 0, observable);
                }
            }
        }
        return new PerturbationReport(grid, grid.clone(), at, steps, response, noise);
    }
}
