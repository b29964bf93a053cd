package dev.nca.plugins.dataset.morphogenesis;

import dev.nca.support.damage.DiscDamage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Damages each sample with one closed disc ({@link DiscDamage}: cell (i, j) is zeroed in every
 * channel when {@code (i - ci)^2 + (j - cj)^2 <= radius^2}) centred on a living cell: the centre
 * is a uniformly drawn cell whose alpha exceeds the alive threshold (the lattice centre if none
 * does), the radius uniform in [min, max]. The disc is cut off at the lattice edge (it never
 * wraps). Per sample, the centre is drawn first (one {@code nextInt}, only when some cell lives),
 * then the radius (one {@code nextDouble}).
 */
final class LivingCellDamage {

    private final double minRadius;
    private final double maxRadius;
    private final double aliveThreshold;
    private final int alphaChannel;

    /**
     * @param minRadius      smallest radius in cells
     * @param maxRadius      largest radius in cells
     * @param aliveThreshold a cell whose alpha exceeds this lives
     * @param alphaChannel   the index of the alpha channel
     */
    LivingCellDamage(double minRadius, double maxRadius, double aliveThreshold, int alphaChannel) {
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
        INDArray damaged = state.dup('c');
        int size = (int) state.size(2);
        for (int b = 0; b < state.size(0); b++) {
            INDArray sample = damaged.slice(b);
            int centre = centre(sample.slice(alphaChannel).dup('c').data().asDouble(), size, random);
            double radius = minRadius + (maxRadius - minRadius) * random.nextDouble();
            new DiscDamage(centre / size, centre % size, radius, false, true).apply(sample);
        }
        return damaged;
    }

    private int centre(double[] alpha, int size, SplittableRandom random) {
        List<Integer> alive = new ArrayList<>();
        for (int i = 0; i < size * size; i++) {
            if (alpha[i] > aliveThreshold) {
                alive.add(i);
            }
        }
        return alive.isEmpty() ? (size / 2) * size + size / 2 : alive.get(random.nextInt(alive.size()));
    }
}
