package dev.nca.core.model;

/**
 * Alive masking of a growing NCA (Mordvintsev et al. 2020): a cell is alive when the largest value
 * of channel {@code channel} in its 3x3 neighbourhood exceeds {@code threshold}. Each step the
 * neighbourhood test is made on the state before and after the residual update; cells alive in
 * neither (i.e. not alive in both) have all their channels set to zero. The masks are step
 * functions of the state, so back-propagation treats them as constants.
 *
 * @param channel   the channel that decides (alpha, index 3, for RGBA images), 0..C-1
 * @param threshold the value the neighbourhood maximum must exceed, > 0
 */
public record AliveRule(int channel, double threshold) {

    public AliveRule {
        if (channel < 0) {
            throw new IllegalArgumentException("alive channel must be >= 0, got " + channel);
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("alive threshold must be finite and > 0, got " + threshold);
        }
    }
}
