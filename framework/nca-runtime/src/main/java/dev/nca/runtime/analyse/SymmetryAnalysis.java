package dev.nca.runtime.analyse;

import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaParameters;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Tests whether a model commutes with the lattice symmetries: rolls the start state and its seven
 * images under rotations and reflections in one batch and compares the transformed rollout with
 * the rollout of the transformed start at every recorded step. An NCA whose perception stencils
 * are each invariant under a symmetry (identity, Laplacian) is equivariant to rounding error when
 * the boundary is periodic (or zero: the lattice's square is symmetric too); gradient stencils
 * (Sobel) break it.
 *
 * <p>With an update probability below 1 each batch sample gets its own masks, so the comparison
 * also contains mask noise; the report measures it with an eighth rollout of the untransformed
 * start.
 */
public final class SymmetryAnalysis {

    private final NcaEngine engine;
    private final NcaParameters params;

    /**
     * @param engine the model's engine
     * @param params its parameters, in the engine's data type
     */
    public SymmetryAnalysis(NcaEngine engine, NcaParameters params) {
        this.engine = engine;
        this.params = params;
    }

    /**
     * Runs the comparison.
     *
     * @param start    {@code [1, C, S, S]}
     * @param steps    increasing recorded steps >= 1
     * @param seed     seed of the update masks
     * @param progress told after each recorded step
     * @return the errors per symmetry and step
     */
    public SymmetryReport run(INDArray start, int[] steps, long seed, Progress progress) {
        if (start.rank() != 4 || start.size(0) != 1) {
            throw new IllegalArgumentException("start must be [1, C, S, S], got " + Arrays.toString(start.shape()));
        }
        List<LatticeSymmetry> symmetries = List.of(LatticeSymmetry.values());
        INDArray[] batch = new INDArray[symmetries.size() + 2];
        batch[0] = start;
        for (int g = 0; g < symmetries.size(); g++) {
            batch[g + 1] = symmetries.get(g).apply(start);
        }
        batch[batch.length - 1] = start;
        List<INDArray> rolled = SteppedRollout.run(engine, params, Nd4j.concat(0, batch), steps, seed, progress,
                "symmetry rollouts");
        double[][] rms = new double[symmetries.size()][steps.length];
        double[][] relative = new double[symmetries.size()][steps.length];
        double[] noise = new double[steps.length];
        int channels = (int) start.size(1);
        for (int t = 0; t < steps.length; t++) {
            INDArray states = rolled.get(t);
            INDArray reference = states.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1));
            double size = StateNorms.rms(reference, 0, Nd4j.zerosLike(reference), 0, channels);
            for (int g = 0; g < symmetries.size(); g++) {
                INDArray expected = symmetries.get(g).apply(reference);
                rms[g][t] = StateNorms.rms(expected, 0, states, g + 1, channels);
                relative[g][t] = size > 0 ? rms[g][t] / size : rms[g][t];
            }
            noise[t] = engine.config().masked() ? StateNorms.rms(states, 0, states, batch.length - 1, channels) : 0;
        }
        return new SymmetryReport(symmetries, steps.clone(), rms, relative, noise);
    }
}
