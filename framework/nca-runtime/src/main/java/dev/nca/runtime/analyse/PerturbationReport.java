package dev.nca.runtime.analyse;

/**
 * The response of a rollout to local perturbations.
 *
 * @param positions  where the patches were put
 * @param at         the step at which the state was perturbed
 * @param steps      steps after the perturbation at which the difference was measured (0 first)
 * @param response   {@code [positions][steps.length]}: root mean square over the observable
 *                   channels and cells of perturbed minus unperturbed state
 * @param maskNoise  {@code [steps.length]}: the same for two unperturbed copies with different
 *                   update masks (zeros when every cell is updated every step, and for the truth)
 */
public record PerturbationReport(PatchPositions positions, int at, int[] steps, double[][] response,
                                 double[] maskNoise) {

    /** {@code [steps]}: the response averaged over all positions. */
    public double[] meanCurve() {
        double[] mean = new double[steps.length];
        for (double[] curve : response) {
            for (int t = 0; t < steps.length; t++) {
                mean[t] += curve[t] / response.length;
            }
        }
        return mean;
    }

    /** {@code [steps]}: the largest response over all positions. */
    public double[] maxCurve() {
        double[] max = new double[steps.length];
        for (double[] curve : response) {
            for (int t = 0; t < steps.length; t++) {
                max[t] = Math.max(max[t], curve[t]);
            }
        }
        return max;
    }

    /** {@code [positions]}: the response at the last measured step. */
    public double[] finalResponse() {
        double[] last = new double[response.length];
        for (int p = 0; p < response.length; p++) {
            last[p] = response[p][steps.length - 1];
        }
        return last;
    }

    /**
     * The response at the last measured step as a map (see {@link PatchPositions#map}): over the grid,
     * or over the lattice for random positions.
     *
     * @param size S
     * @param side the patch side
     */
    public double[][] finalResponseMap(int size, int side) {
        return positions.map(finalResponse(), size, side);
    }
}
