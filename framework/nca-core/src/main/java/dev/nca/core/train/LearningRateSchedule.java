package dev.nca.core.train;

import java.util.Locale;

/**
 * The learning rate as a function of the epoch: constant, or decaying from {@code initial} at
 * epoch 0 to {@code last} at epoch {@code epochs - 1}.
 *
 * <p>With normalised gradients every Nadam step has about the same length whatever the loss, so
 * a constant rate leaves the parameters jittering at a distance set by the rate; decaying it lets
 * a run settle. With p = epoch / (epochs - 1) (0 for a one-epoch run):
 * <pre>
 *   constant:     lr(p) = initial
 *   cosine:       lr(p) = last + (initial - last) (1 + cos(pi p)) / 2
 *   exponential:  lr(p) = initial (last / initial)^p
 * </pre>
 * Epochs past {@code epochs - 1} (a resumed run asked for more) keep {@code last}.
 *
 * @param kind    the shape of the decay
 * @param initial rate at epoch 0, > 0
 * @param last    rate at epoch {@code epochs - 1}, > 0; equals {@code initial} for CONSTANT
 * @param epochs  epochs the decay spans, >= 1
 */
public record LearningRateSchedule(Kind kind, double initial, double last, int epochs) {

    /** Shapes of decay. */
    public enum Kind {
        CONSTANT, COSINE, EXPONENTIAL;

        /** The recipe spelling, e.g. {@code "cosine"}. */
        public String recipeName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public LearningRateSchedule {
        if (kind == null || !(initial > 0) || !(last > 0) || epochs < 1 || Double.isInfinite(initial)
                || Double.isInfinite(last)) {
            throw new IllegalArgumentException("need a kind, finite rates > 0 and epochs >= 1, got " + kind + ", "
                    + initial + ", " + last + ", " + epochs);
        }
        if (kind == Kind.CONSTANT && last != initial) {
            throw new IllegalArgumentException("a constant schedule has one rate, got " + initial + " and " + last);
        }
    }

    /** The rate {@code rate} at every epoch. */
    public static LearningRateSchedule constant(double rate) {
        return new LearningRateSchedule(Kind.CONSTANT, rate, rate, 1);
    }

    /** The rate for 0-based {@code epoch}. */
    public double rate(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        if (kind == Kind.CONSTANT) {
            return initial;
        }
        double p = epochs == 1 ? 0 : Math.min(1.0, epoch / (double) (epochs - 1));
        return switch (kind) {
            case COSINE -> last + (initial - last) * (1 + Math.cos(Math.PI * p)) / 2;
            case EXPONENTIAL -> initial * Math.pow(last / initial, p);
            case CONSTANT -> initial;
        };
    }
}
