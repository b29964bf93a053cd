package dev.nca.runtime.analyse;

/**
 * The response of a rollout to local perturbations placed on a grid.
 *
 * @param rows       patch top-left rows of the grid, in grid-row order
 * @param cols       patch top-left columns of the grid
 * @param at         the step at which the state was perturbed
 * @param steps      steps after the perturbation at which the difference was measured (0 first)
 * @param response   {@code [rows.length][cols.length][steps.length]}: root mean square over the
 *                   observable channels and cells of perturbed minus unperturbed state
 * @param maskNoise  {@code [steps.length]}: the same for two unperturbed copies with different
 *                   update masks (zeros when every cell is updated every step)
 */
public record PerturbationReport(int[] rows, int[] cols, int at, int[] steps, double[][][] response,
                                 double[] maskNoise) {

    /** {@code [steps]}: the response averaged over all positions. */
    public double[] meanCurve() {
        double[] mean = new double[steps.length];
        for (double[][] row : response) {
            for (double[] curve : row) {
                for (int t = 0; t < steps.length; t++) {
                    mean[t] += curve[t] / (rows.length * cols.length);
                }
            }
        }
        return mean;
    }

    /** {@code [steps]}: the largest response over all positions. */
    public double[] maxCurve() {
        double[] max = new double[steps.length];
        for (double[][] row : response) {
            for (double[] curve : row) {
                for (int t = 0; t < steps.length; t++) {
                    max[t] = Math.max(max[t], curve[t]);
                }
            }
        }
        return max;
    }

    /** {@code [rows][cols]}: the response at the last measured step, per position. */
    public double[][] finalResponse() {
        double[][] map = new double[rows.length][cols.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                map[i][j] = response[i][j][steps.length - 1];
            }
        }
        return map;
    }
}
