package dev.nca.plugins.dataset.gray.scott;

import dev.nca.support.dynamics.SampleDynamics;

/**
 * The true dynamics of {@link GrayScottDataset}'s frames: a state {@code [2, S, S]} (A then B) is
 * mapped back to concentrations with the dataset's min-max constants (when it was scaled), advanced
 * by the {@link GrayScottSolver} the frames were made with, and scaled again with the same constants.
 * One native step is one Euler step; {@code save_every} of them make one frame interval.
 */
final class GrayScottDynamics extends SampleDynamics {

    private final GrayScottSolver solver;
    private final ChannelTransforms.MinMax[] scaling;
    private final int cells;
    private final double[] a;
    private final double[] b;

    /**
     * @param size      S
     * @param rates     the model's constants
     * @param saveEvery Euler steps per frame
     * @param scaling   the min-max constants of A and B, or null when the frames are concentrations
     */
    GrayScottDynamics(int size, GrayScottSolver.Rates rates, int saveEvery, ChannelTransforms.MinMax[] scaling) {
        super(2, size, saveEvery);
        this.solver = new GrayScottSolver(size, rates);
        this.scaling = scaling;
        this.cells = size * size;
        this.a = new double[cells];
        this.b = new double[cells];
    }

    @Override
    protected void advanceSample(double[] sample, int steps) {
        for (int k = 0; k < cells; k++) {
            a[k] = scaling == null ? sample[k] : scaling[0].unscale(sample[k]);
            b[k] = scaling == null ? sample[cells + k] : scaling[1].unscale(sample[cells + k]);
        }
        solver.reset(a, b);
        solver.advance(steps);
        solver.copyTo(sample, 0);
        if (scaling != null) {
            for (int k = 0; k < cells; k++) {
                sample[k] = scaling[0].scale(sample[k]);
                sample[cells + k] = scaling[1].scale(sample[cells + k]);
            }
        }
    }
}
