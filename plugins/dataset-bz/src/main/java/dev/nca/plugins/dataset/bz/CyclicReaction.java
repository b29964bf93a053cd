package dev.nca.plugins.dataset.bz;

/**
 * The reaction map of the three-species cyclic model A + B -> 2A (rate alpha), B + C -> 2B (beta),
 * C + A -> 2C (gamma), applied to one cell's concentrations in one discrete time step:
 * <pre>
 * a' = a + a (alpha b - gamma c)
 * b' = b + b (beta c  - alpha a)
 * c' = c + c (gamma a - beta b)
 * </pre>
 * each then clamped to [0, 1]. Before clamping {@code a' + b' + c' = a + b + c} exactly in real
 * arithmetic (the six cross terms cancel in pairs); the clamp breaks this whenever a value leaves
 * [0, 1].
 *
 * @param alpha rate of A + B -> 2A, &gt; 0
 * @param beta  rate of B + C -> 2B, &gt; 0
 * @param gamma rate of C + A -> 2C, &gt; 0
 */
record CyclicReaction(double alpha, double beta, double gamma) {

    CyclicReaction {
        if (!(alpha > 0) || !(beta > 0) || !(gamma > 0)) {
            throw new IllegalArgumentException("rates must be positive, got alpha = " + alpha + ", beta = " + beta
                    + ", gamma = " + gamma);
        }
    }

    /** a' for concentrations a, b, c, clamped to [0, 1]. */
    double nextA(double a, double b, double c) {
        return clamp(a + a * (alpha * b - gamma * c));
    }

    /** b' for concentrations a, b, c, clamped to [0, 1]. */
    double nextB(double a, double b, double c) {
        return clamp(b + b * (beta * c - alpha * a));
    }

    /** c' for concentrations a, b, c, clamped to [0, 1]. */
    double nextC(double a, double b, double c) {
        return clamp(c + c * (gamma * a - beta * b));
    }

    static double clamp(double v) {
        return v < 0 ? 0 : Math.min(v, 1);
    }
}
