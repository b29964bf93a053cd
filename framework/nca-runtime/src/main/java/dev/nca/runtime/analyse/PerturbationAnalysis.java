package dev.nca.runtime.analyse;

import dev.nca.api.NcaException;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Local perturbation stability: rolls the start state to step {@code at}, adds a {@link Patch} at
 * each of a set of {@link PatchPositions} (one batch sample per position, plus two unperturbed
 * copies), rolls all of them on and measures how far each perturbed rollout is from the unperturbed
 * one over time. A response that decays means the dynamics absorb local damage; one that grows means
 * they amplify it (as a chaotic or pattern-forming system may). The same analysis runs on the model
 * ({@link ModelRollouts}) and on the dataset's true system ({@link TruthRollouts}).
 */
public final class PerturbationAnalysis {

    private final RolloutDynamics dynamics;

    /** @param dynamics the system to perturb: the model or the truth */
    public PerturbationAnalysis(RolloutDynamics dynamics) {
        this.dynamics = dynamics;
    }

    /**
     * Runs the analysis.
     *
     * @param start     {@code [1, C, S, S]}: the states the dynamics run on
     * @param patch     the perturbation
     * @param positions where to put it
     * @param at        steps from the start before perturbing, >= 0
     * @param after     increasing steps >= 1 after the perturbation at which to measure
     * @param progress  told after each measured step
     * @return the response per position and step (step 0 included)
     * @throws NcaException when the patch does not fit or a step is invalid
     */
    public PerturbationReport run(INDArray start, Patch patch, PatchPositions positions, int at, int[] after,
                                  Progress progress) {
        if (start.rank() != 4 || start.size(0) != 1) {
            throw new IllegalArgumentException("start must be [1, C, S, S], got " + Arrays.toString(start.shape()));
        }
        int size = (int) start.size(3);
        patch.requireFits(size);
        if (patch.channels() > start.size(1)) {
            throw new NcaException("the patch perturbs " + patch.channels() + " channels but the state has "
                    + start.size(1));
        }
        if (at < 0) {
            throw new NcaException("the perturbation step must be >= 0, got " + at);
        }
        INDArray base = at == 0 ? start.dup() : dynamics.roll(start, new int[] {at}, Progress.NONE,
                "rollout to the perturbation step").get(0);
        int count = positions.count();
        INDArray batch = Nd4j.create(base.dataType(), count + 2, base.size(1), size, size);
        for (int b = 0; b < count + 2; b++) {
            batch.slice(b).assign(base.slice(0));
        }
        for (int p = 0; p < count; p++) {
            patch.addTo(batch, 2 + p, positions.rows()[p], positions.cols()[p]);
        }
        List<INDArray> rolled = dynamics.roll(batch, after, progress, "perturbed rollouts (" + count + " positions)");
        int[] steps = new int[after.length + 1];
        System.arraycopy(after, 0, steps, 1, after.length);
        double[][] response = new double[count][steps.length];
        double[] noise = new double[steps.length];
        int observable = dynamics.observable();
        for (int t = 0; t < steps.length; t++) {
            INDArray states = t == 0 ? batch : rolled.get(t - 1);
            noise[t] = StateNorms.rms(states, 0, states, 1, observable);
            for (int p = 0; p < count; p++) {
                response[p][t] = StateNorms.rms(states, 2 + p, states, 0, observable);
            }
        }
        return new PerturbationReport(positions, at, steps, response, noise);
    }
}
