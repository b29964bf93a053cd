package dev.nca.core.engine;

/**
 * The nine weights of a 3x3 stencil, row by row ({@code w[3a + b]}), in both precisions, so that
 * the float32 loops need no conversion per row. Immutable.
 */
final class StencilWeights {

    private final double[] doubles;
    private final float[] floats;

    StencilWeights(double[] weights) {
        if (weights.length != 9) {
            throw new IllegalArgumentException("a 3x3 stencil has 9 weights, got " + weights.length);
        }
        doubles = weights.clone();
        floats = new float[9];
        for (int i = 0; i < 9; i++) {
            floats[i] = (float) weights[i];
        }
    }

    /** The weights in float64; do not modify. */
    double[] doubles() {
        return doubles;
    }

    /** The weights rounded to float32; do not modify. */
    float[] floats() {
        return floats;
    }
}
