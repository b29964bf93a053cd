package dev.nca.core.engine.fused;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The float32 micro-kernels of the fused engine, on a tile of n cells whose per-cell vectors are
 * stored feature-major: row r of a tile buffer holds feature r of every cell, at
 * {@code buf[r*ld + j]} for cell j in [0, n). The matrices are the model's small weight matrices
 * (inner dimensions 8-64), so the kernels keep blocks of outputs in registers and never pack.
 *
 * <p>Two implementations: {@link ScalarTileKernels} (plain loops) and {@code VectorTileKernels}
 * (explicit SIMD through the incubating Vector API), chosen by {@link #select()} like
 * {@link dev.nca.core.engine.FloatRowOps#select()}.
 *
 * <p>Reductions over cells (weight gradients, bias gradients) accumulate into per-lane float
 * partial sums ({@link #lanes()} per entry) so that no horizontal add runs per tile; callers flush
 * them into float64 totals with {@link #flush} once per step.
 */
public interface TileKernels {

    /**
     * A per-cell matrix product: {@code out[o*ld + j] = bias[o] + sum_i w[i*outs + o] * in[i*ld + j]}
     * for o in [0, outs), j in [0, n).
     *
     * @param w    {@code [ins][outs]} row-major
     * @param bias {@code [outs]}, or null for zero
     */
    void project(float[] w, float[] bias, int ins, int outs, float[] in, float[] out, int ld, int n);

    /**
     * Outer-product accumulation over cells:
     * {@code acc[(r*ys + s)*lanes + lane] += partial sums of x[r*ld + j] * y[s*ld + j]} over j in [0, n).
     */
    void accumulateOuter(float[] x, int xs, float[] y, int ys, int ld, int n, float[] acc);

    /** Row sums: {@code acc[r*lanes + lane] += partial sums of x[r*ld + j]} over j in [0, n). */
    void accumulateRows(float[] x, int rows, int ld, int n, float[] acc);

    /** Lanes of the partial sums (1 for scalar loops, the vector length otherwise). */
    int lanes();

    /** Adds the lanes of each entry of {@code partial} onto {@code total} (one entry per lane group) and zeroes them. */
    default void flush(float[] partial, double[] total) {
        int lanes = lanes();
        for (int e = 0; e < total.length; e++) {
            double sum = 0;
            for (int l = 0; l < lanes; l++) {
                sum += partial[e * lanes + l];
                partial[e * lanes + l] = 0f;
            }
            total[e] += sum;
        }
    }

    /** A short description, e.g. {@code "vector (16 x float32)"}. */
    String describe();

    /** The vector kernels when the Vector API is available and allowed ({@code nca.engine.vector}), else scalar ones. */
    static TileKernels select() {
        Logger log = LoggerFactory.getLogger(TileKernels.class);
        if ("false".equalsIgnoreCase(System.getProperty("nca.engine.vector"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return new ScalarTileKernels();
        }
        try {
            return (TileKernels) Class.forName("dev.nca.core.engine.fused.VectorTileKernels")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            log.warn("fused kernels: scalar, the Vector API could not be used: {}", e.toString());
            return new ScalarTileKernels();
        }
    }
}
