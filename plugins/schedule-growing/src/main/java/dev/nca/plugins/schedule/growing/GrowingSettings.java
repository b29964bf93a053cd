package dev.nca.plugins.schedule.growing;

/**
 * The validated settings of one {@link GrowingRun}; see {@link GrowingSchedule} for their meaning
 * and the checks made.
 *
 * @param poolSize           P, slots in the sample pool
 * @param batches            mini-batches per epoch
 * @param minibatch          samples per mini-batch (the recipe's {@code minibatch})
 * @param minSteps           shortest rollout
 * @param maxSteps           longest rollout
 * @param replaceWorst       samples per mini-batch reseeded (the worst ones)
 * @param damaged            samples per mini-batch damaged (the best ones)
 * @param damageStartEpoch   first epoch with damage
 * @param damageRadiusMin    smallest damage radius, fraction of S
 * @param damageRadiusMax    largest damage radius, fraction of S
 * @param damageCentreSpread side of the region of damage centres, fraction of the lattice
 * @param damageWrap         whether damage discs wrap around the edges
 * @param alphaChannel       the alpha channel; the seed sets channels alpha..C-1 to 1
 * @param seedRow            row of the seed cell
 * @param seedColumn         column of the seed cell
 */
record GrowingSettings(int poolSize, int batches, int minibatch, int minSteps, int maxSteps, int replaceWorst,
                       int damaged, int damageStartEpoch, double damageRadiusMin, double damageRadiusMax,
                       double damageCentreSpread, boolean damageWrap, int alphaChannel, int seedRow,
                       int seedColumn) {
}
