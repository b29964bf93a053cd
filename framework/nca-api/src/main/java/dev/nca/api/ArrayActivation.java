package dev.nca.api;

/**
 * Optional companion of {@link Activation}: the same non-linearity on ranges of float32 Java
 * arrays, for engines that run the hidden layer on small tiles of cells in Java (the fused
 * engine) instead of on whole-lattice ND4J arrays. An {@link Activation} that also implements
 * this interface must compute the same function as its ND4J methods (up to float32 rounding);
 * an activation without it still works everywhere, engines then fall back to the ND4J path.
 *
 * <p>Both methods read {@code a[from..to)} and write {@code out[from..to)}; {@code out} may be
 * {@code a} itself (in place). Implementations are plain loops without allocation and must be
 * thread-safe.
 */
public interface ArrayActivation {

    /** {@code out[i] = u(a[i])} for i in [from, to). */
    void apply(float[] a, float[] out, int from, int to);

    /** {@code out[i] = u'(a[i])} for i in [from, to), with the same one-sided choices as {@link Activation#derivative}. */
    void derivative(float[] a, float[] out, int from, int to);
}
