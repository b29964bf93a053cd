package dev.nca.plugins.loss.sliced.wasserstein;

/**
 * How one sample's state is turned into point clouds and projected: the two variants of
 * {@link SlicedWassersteinLoss}. Implementations are stateless.
 */
interface Slicing {

    /** The dimension of the space the directions live in, for C channels of S^2 cells. */
    int dimension(int channels, int cells);

    /**
     * One sample's loss, and optionally its gradient.
     *
     * @param x          prediction values, {@code [B, C, S^2]} flattened; sample b starts at {@code offset}
     * @param y          target values, same layout
     * @param offset     {@code b C S^2}
     * @param channels   C
     * @param cells      S^2
     * @param directions {@code count} unit vectors of {@link #dimension} entries each, row after row
     * @param count      number of directions n
     * @param gradient   {@code null}, or receives (overwrites) the sample's gradient at the same offsets
     * @return the sample's loss
     */
    double sample(double[] x, double[] y, int offset, int channels, int cells, double[] directions, int count,
                  double[] gradient);
}
