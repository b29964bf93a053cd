package dev.nca.plugins.loss.hellinger;

/**
 * The two per-channel divergences between normalised masses, written in terms of
 * {@code d = sum_i (r_i - s_i)^2} and {@code bc = sum_i r_i s_i} with {@code r = sqrt(P)},
 * {@code s = sqrt(Q)}. Since {@code sum r_i^2 = sum s_i^2 = 1}, {@code bc = 1 - d / 2}; using
 * {@code d} avoids the cancellation in {@code 1 - bc} when P and Q are close.
 */
enum Divergence {

    /** {@code H = sqrt(d / 2) = (1/sqrt 2) ||sqrt P - sqrt Q||_2}, in [0, 1]. */
    HELLINGER {
        @Override
        double value(double d, double bc) {
            return Math.sqrt(d / 2);
        }

        @Override
        double slope(double d, double bc, double value) {
            // dH/dr_i = (r_i - s_i) / (2 H); H = 0 only at P = Q, the minimum, where 0 is used
            return value > 0 ? 1 / (2 * value) : 0.0;
        }
    },

    /** {@code D_B = -log(bc) = -log(1 - d / 2)}, in [0, inf). */
    BHATTACHARYYA {
        @Override
        double value(double d, double bc) {
            double half = d / 2;
            // accurate near P = Q through log1p; far from it (bc < 1/2) bc itself is accurate
            return half < 0.5 ? -Math.log1p(-half) : -Math.log(bc);
        }

        @Override
        double slope(double d, double bc, double value) {
            double half = d / 2;
            return 1 / (half < 0.5 ? 1 - half : bc);
        }
    };

    /** The divergence from {@code d} and {@code bc}. */
    abstract double value(double d, double bc);

    /**
     * The factor k with {@code d value / d r_i = k (r_i - s_i)} up to a multiple of {@code r}
     * (which the normalisation's Jacobian removes).
     */
    abstract double slope(double d, double bc, double value);
}
