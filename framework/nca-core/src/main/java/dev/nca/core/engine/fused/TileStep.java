package dev.nca.core.engine.fused;

import dev.nca.api.ArrayActivation;
import dev.nca.core.engine.EngineProfile;
import dev.nca.core.engine.EngineProfile.Section;

/**
 * One NCA step on one tile of cells (whole lattice rows {@code [i0, i0+rows)} of one sample),
 * forward and backward, with all intermediates in small tile buffers that stay in cache:
 * perception {@code z [C*K][ld]}, pre-activation {@code a [H][ld]}, activation {@code u [H][ld]},
 * update {@code f [C][ld]} and, backward, their gradients. Weight and bias gradients accumulate as
 * per-lane float32 partial sums until {@link #flush} adds them to float64 totals.
 *
 * <p>Not thread-safe: one per engine.
 */
final class TileStep {

    private final int channels;
    private final int perception;
    private final int hidden;
    private final int size;
    private final int ld;
    private final TileStencil stencil;
    private final TileKernels kernels;
    private final ArrayActivation activation;
    private final EngineProfile profile;
    private final float[] z;
    private final float[] a;
    private final float[] u;
    private final float[] du;
    private final float[] f;
    private final float[] gh;
    private final float[] gz;
    private final float[] dW1;
    private final float[] dW2;
    private final float[] db2;
    private final float[] dv;

    /**
     * @param maxRows rows per tile at most; the tile buffers hold {@code maxRows * S} cells
     */
    TileStep(int channels, int perception, int hidden, int size, int maxRows, TileStencil stencil,
             TileKernels kernels, ArrayActivation activation, EngineProfile profile) {
        this.channels = channels;
        this.perception = perception;
        this.hidden = hidden;
        this.size = size;
        this.ld = maxRows * size;
        this.stencil = stencil;
        this.kernels = kernels;
        this.activation = activation;
        this.profile = profile;
        z = new float[perception * ld];
        a = new float[hidden * ld];
        u = new float[hidden * ld];
        du = new float[hidden * ld];
        f = new float[channels * ld];
        gh = new float[hidden * ld];
        gz = new float[perception * ld];
        int lanes = kernels.lanes();
        dW1 = new float[hidden * channels * lanes];
        dW2 = new float[perception * hidden * lanes];
        db2 = new float[hidden * lanes];
        dv = new float[channels * lanes];
    }

    /**
     * Forward: {@code next = x + m * (W1^T u(W2^T perceive(x) + b2) + v)} on the tile's cells.
     *
     * @param pad   the padded state x, {@code [B][C][S+2][S+2]}
     * @param x     the state x, {@code [B][C][S][S]}
     * @param next  receives the tile's cells of the next state
     * @param mask  the step's update mask (see {@link dev.nca.core.engine.UpdateMasks}), or null
     * @param maskChannelStride 0 for a per-cell mask, {@code B*S*S} for a per-element one
     * @param hiddenTape receives the tile's pre-activation {@code [H][ld]} at {@code tapeOffset}, or null
     */
    void forward(FloatWeights w, float[] pad, float[] x, float[] next, float[] mask, int maskChannelStride,
                 int b, int i0, int rows, float[] hiddenTape, int tapeOffset) {
        int n = rows * size;
        hiddenLayer(w, pad, b, i0, rows, false, null, 0);
        if (hiddenTape != null) {
            System.arraycopy(a, 0, hiddenTape, tapeOffset, hidden * ld);
        }
        long t0 = System.nanoTime();
        kernels.project(w.w1(), w.v(), hidden, channels, u, f, ld, n);
        long t1 = System.nanoTime();
        profile.add(Section.GEMM_FORWARD, t0);
        int plane = size * size;
        for (int c = 0; c < channels; c++) {
            int xs = (b * channels + c) * plane + i0 * size;
            int fs = c * ld;
            if (mask == null) {
                for (int j = 0; j < n; j++) {
                    next[xs + j] = x[xs + j] + f[fs + j];
                }
            } else {
                int ms = c * maskChannelStride + b * plane + i0 * size;
                for (int j = 0; j < n; j++) {
                    next[xs + j] = x[xs + j] + mask[ms + j] * f[fs + j];
                }
            }
        }
        profile.add(Section.ELEMENTWISE, t1);
    }

    /**
     * z, a and u (and u' when {@code derivative}) of the tile; a is copied from {@code hiddenTape}
     * when given, else computed.
     */
    private void hiddenLayer(FloatWeights w, float[] pad, int b, int i0, int rows, boolean derivative,
                             float[] hiddenTape, int tapeOffset) {
        int n = rows * size;
        long t0 = System.nanoTime();
        stencil.perceive(pad, b, channels, i0, rows, z, ld);
        long t1 = System.nanoTime();
        profile.add(Section.PERCEIVE, t0);
        if (hiddenTape != null) {
            System.arraycopy(hiddenTape, tapeOffset, a, 0, hidden * ld);
        } else {
            kernels.project(w.w2(), w.b2(), perception, hidden, z, a, ld, n);
        }
        long t2 = System.nanoTime();
        profile.add(Section.GEMM_FORWARD, t1);
        for (int h = 0; h < hidden; h++) {
            activation.apply(a, u, h * ld, h * ld + n);
            if (derivative) {
                activation.derivative(a, du, h * ld, h * ld + n);
            }
        }
        profile.add(Section.ACTIVATION, t2);
    }

    /**
     * Backward through the tile: recomputes z, a, u from the padded state, adds the tile's
     * parameter gradients to the partial sums and its perception gradient to {@code gpad}.
     *
     * @param gx   dL/d next state, {@code [B][C][S][S]} (read only)
     * @param gpad padded gradient of the state, {@code [B][C][S+2][S+2]} (added to)
     * @param hiddenTape the pre-activations {@link #forward} kept, or null to recompute them
     */
    void backward(FloatWeights w, float[] pad, float[] gx, float[] gpad, float[] mask, int maskChannelStride,
                  int b, int i0, int rows, float[] hiddenTape, int tapeOffset) {
        int n = rows * size;
        hiddenLayer(w, pad, b, i0, rows, true, hiddenTape, tapeOffset);
        long t0 = System.nanoTime();
        int plane = size * size;
        for (int c = 0; c < channels; c++) {
            int xs = (b * channels + c) * plane + i0 * size;
            int fs = c * ld;
            if (mask == null) {
                System.arraycopy(gx, xs, f, fs, n);
            } else {
                int ms = c * maskChannelStride + b * plane + i0 * size;
                for (int j = 0; j < n; j++) {
                    f[fs + j] = mask[ms + j] * gx[xs + j];
                }
            }
        }
        long t1 = System.nanoTime();
        profile.add(Section.ELEMENTWISE, t0);
        kernels.accumulateRows(f, channels, ld, n, dv);
        kernels.accumulateOuter(u, hidden, f, channels, ld, n, dW1);
        kernels.project(w.w1t(), null, channels, hidden, f, gh, ld, n);
        long t2 = System.nanoTime();
        profile.add(Section.GEMM_BACKWARD, t1);
        for (int h = 0; h < hidden; h++) {
            int r = h * ld;
            for (int j = r; j < r + n; j++) {
                gh[j] *= du[j];
            }
        }
        long t3 = System.nanoTime();
        profile.add(Section.ACTIVATION, t2);
        if (w.b2() != null) {
            kernels.accumulateRows(gh, hidden, ld, n, db2);
        }
        kernels.accumulateOuter(z, perception, gh, hidden, ld, n, dW2);
        kernels.project(w.w2t(), null, hidden, perception, gh, gz, ld, n);
        long t4 = System.nanoTime();
        profile.add(Section.GEMM_BACKWARD, t3);
        stencil.adjoint(gz, ld, b, channels, i0, rows, gpad);
        profile.add(Section.PERCEIVE_ADJOINT, t4);
    }

    /** Floats of one tile's pre-activation on a hidden-layer tape. */
    int hiddenTileLength() {
        return hidden * ld;
    }

    /** Adds the partial sums to the totals ({@code [H*C]}, {@code [C*K*H]}, {@code [H]}, {@code [C]}) and zeroes them. */
    void flush(double[] w1, double[] w2, double[] b2, double[] v) {
        kernels.flush(dW1, w1);
        kernels.flush(dW2, w2);
        kernels.flush(db2, b2);
        kernels.flush(dv, v);
    }
}
