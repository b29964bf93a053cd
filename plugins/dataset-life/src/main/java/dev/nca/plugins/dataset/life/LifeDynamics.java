package dev.nca.plugins.dataset.life;

import dev.nca.support.dynamics.SampleDynamics;

/**
 * The true dynamics of {@link LifeDataset}'s frames: a state {@code [1, S, S]} is read as alive
 * where a cell's value is above 1/2 (frames are exactly 0 or 1; a perturbed state is thresholded),
 * advanced by {@link ToroidalLife}, and written back as 0/1. One native step is one generation, one
 * frame interval.
 */
final class LifeDynamics extends SampleDynamics {

    /** A cell whose value is above this is alive. */
    static final double ALIVE_ABOVE = 0.5;

    private final ToroidalLife life;
    private final byte[] cells;

    LifeDynamics(int size) {
        super(1, size, 1);
        this.life = new ToroidalLife(size);
        this.cells = new byte[size * size];
    }

    @Override
    protected void advanceSample(double[] sample, int steps) {
        for (int k = 0; k < cells.length; k++) {
            cells[k] = (byte) (sample[k] > ALIVE_ABOVE ? 1 : 0);
        }
        life.reset(cells);
        life.advance(steps);
        byte[] next = life.state();
        for (int k = 0; k < next.length; k++) {
            sample[k] = next[k];
        }
    }
}
