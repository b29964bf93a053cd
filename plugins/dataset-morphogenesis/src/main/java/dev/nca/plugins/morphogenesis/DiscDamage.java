package dev.nca.plugins.morphogenesis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Zeroes every channel of the cells inside a disc: the cell (i, j) is damaged when
 * {@code (i - ci)^2 + (j - cj)^2 <= radius^2}. The centre is a uniformly drawn cell whose alpha
 * exceeds the alive threshold (the lattice centre if none does), the radius uniform in
 * [min, max]. The disc is cut off at the lattice edge (it never wraps).
 */
final class DiscDamage {

    private final double minRadius;
    private final double maxRadius;
    private final double aliveThreshold;
    private final int alphaChannel;

    DiscDamage(double minRadius, double maxRadius, double aliveThreshold, int alphaChannel) {
        this.minRadius = minRadius;
        this.maxRadius = maxRadius;
        this.aliveThreshold = aliveThreshold;
        this.alphaChannel = alphaChannel;
    }

    /**
     * Damages each sample once.
     *
     * @param state {@code [B, C, S, S]}, not modified
     * @return a damaged copy, same shape and data type
     */
    INDArray apply(INDArray state, SplittableRandom random) {
        long[] shape = state.shape();
        int batch = (int) shape[0];
        int channels = (int) shape[1];
        int size = (int) shape[2];
        int plane = size * size;
        double[] v = state.dup('c').data().asDouble();
        for (int b = 0; b < batch; b++) {
            int centre = centre(v, (b * channels + alphaChannel) * plane, size, random);
            double radius = minRadius + (maxRadius - minRadius) * random.nextDouble();
            int ci = centre / size;
            int cj = centre % size;
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    if ((double) (i - ci) * (i - ci) + (double) (j - cj) * (j - cj) <= radius * radius) {
                        for (int c = 0; c < channels; c++) {
                            v[(b * channels + c) * plane + i * size + j] = 0.0;
                        }
                    }
                }
            }
        }
        return Nd4j.create(v, shape).castTo(state.dataType());
    }

    private int centre(double[] v, int alphaOffset, int size, SplittableRandom random) {
        List<Integer> alive = new ArrayList<>();
        for (int i = 0; i < size * size; i++) {
            if (v[alphaOffset + i] > aliveThreshold) {
                alive.add(i);
            }
        }
        return alive.isEmpty() ? (size / 2) * size + size / 2 : alive.get(random.nextInt(alive.size()));
    }
}
