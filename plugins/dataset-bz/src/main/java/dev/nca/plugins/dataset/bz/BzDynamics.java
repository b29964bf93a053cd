package dev.nca.plugins.dataset.bz;

import dev.nca.support.dynamics.SampleDynamics;

/**
 * The true dynamics of {@link BzDataset}'s frames when all three species are observed: a state
 * {@code [3, S, S]} (species in the dataset's {@code observe} order) is advanced by the
 * {@link BzLattice} the frames were made with. One native step is one update; {@code save_every} of
 * them make one frame interval.
 */
final class BzDynamics extends SampleDynamics {

    private final BzLattice lattice;
    private final int[] species;
    private final int cells;
    private final double[][] fields;

    /**
     * @param size      S
     * @param reaction  the reaction rates
     * @param saveEvery updates per frame
     * @param species   the species index (0 = a, 1 = b, 2 = c) of each channel: a permutation of 0, 1, 2
     */
    BzDynamics(int size, CyclicReaction reaction, int saveEvery, int[] species) {
        super(BzLattice.SPECIES, size, saveEvery);
        if (species.length != BzLattice.SPECIES) {
            throw new IllegalArgumentException("every species must be a channel, got " + species.length + " channels");
        }
        this.lattice = new BzLattice(size, reaction);
        this.species = species.clone();
        this.cells = size * size;
        this.fields = new double[BzLattice.SPECIES][cells];
    }

    @Override
    protected void advanceSample(double[] sample, int steps) {
        for (int ch = 0; ch < species.length; ch++) {
            System.arraycopy(sample, ch * cells, fields[species[ch]], 0, cells);
        }
        lattice.reset(fields[0], fields[1], fields[2]);
        lattice.advance(steps);
        for (int ch = 0; ch < species.length; ch++) {
            lattice.copyTo(species[ch], sample, ch * cells);
        }
    }
}
