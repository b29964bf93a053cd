package dev.nca.runtime.analyse;

import java.util.List;

/**
 * The equivariance errors of a rollout: for each symmetry g and recorded step t, the root mean
 * square over all channels and cells of {@code g(roll(x0))_t - roll(g(x0))_t}, and the same
 * divided by the root mean square of {@code roll(x0)_t}.
 *
 * @param symmetries   the symmetries, in row order
 * @param steps        the recorded steps
 * @param rms          {@code [symmetry][step]} absolute error
 * @param relative     {@code [symmetry][step]} error relative to the state's size
 * @param maskNoiseRms {@code [step]} the RMS difference of two rollouts of the same start with
 *                     different update masks (the floor below which stochastic updates hide any
 *                     asymmetry); zeros when every cell is updated every step
 */
public record SymmetryReport(List<LatticeSymmetry> symmetries, int[] steps, double[][] rms, double[][] relative,
                             double[] maskNoiseRms) {

    /** The largest relative error over symmetries and steps. */
    public double worstRelative() {
        double worst = 0;
        for (double[] row : relative) {
            for (double v : row) {
                worst = Math.max(worst, v);
            }
        }
        return worst;
    }
}
