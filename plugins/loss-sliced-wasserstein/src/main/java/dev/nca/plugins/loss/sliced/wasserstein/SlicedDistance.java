package dev.nca.plugins.loss.sliced.wasserstein;

import dev.nca.api.Loss;
import dev.nca.support.lattice.Lattices;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The loss made by {@link SlicedWassersteinLoss}: takes one set of directions per call from its
 * {@link Directions} and applies the {@link Slicing} variant to every sample. Works on float64
 * copies, returns the prediction's type. Thread-safe; per call it allocates copies of the
 * inputs and the gradient and a few scratch vectors of {@code S^2} entries.
 */
final class SlicedDistance implements Loss {

    private final Slicing slicing;
    private final Directions directions;

    SlicedDistance(Slicing slicing, Directions directions) {
        this.slicing = slicing;
        this.directions = directions;
    }

    @Override
    public INDArray evaluate(INDArray prediction, INDArray target, INDArray gradientOut) {
        Lattices.checkPair(prediction, target, gradientOut);
        int samples = Math.toIntExact(prediction.size(0));
        int channels = Math.toIntExact(prediction.size(1));
        int cells = Math.toIntExact(prediction.size(2) * prediction.size(3));
        if (cells > Ranks.MAX_VALUES) {
            throw new IllegalArgumentException("sliced-wasserstein sorts at most " + Ranks.MAX_VALUES
                    + " cells per image (a 1024 x 1024 lattice), got " + prediction.size(2) + " x " + prediction.size(3));
        }
        double[] theta = directions.next(slicing.dimension(channels, cells));
        double[] x = Lattices.values(prediction);
        double[] y = Lattices.values(target);
        double[] gradient = gradientOut == null ? null : new double[x.length];
        double[] loss = new double[samples];
        for (int b = 0; b < samples; b++) {
            loss[b] = slicing.sample(x, y, b * channels * cells, channels, cells, theta, directions.count(), gradient);
        }
        if (gradient != null) {
            gradientOut.assign(Nd4j.create(gradient, prediction.shape(), DataType.DOUBLE));
        }
        return Nd4j.create(loss, new long[] {samples}, DataType.DOUBLE).castTo(prediction.dataType());
    }
}
