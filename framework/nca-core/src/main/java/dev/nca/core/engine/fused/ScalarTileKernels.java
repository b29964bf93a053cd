package dev.nca.core.engine.fused;

/** {@link TileKernels} as plain Java loops (no Vector API); one lane per partial sum. */
public final class ScalarTileKernels implements TileKernels {

    @Override
    public void project(float[] w, float[] bias, int ins, int outs, float[] in, float[] out, int ld, int n) {
        for (int o = 0; o < outs; o++) {
            float b = bias == null ? 0f : bias[o];
            int base = o * ld;
            for (int j = 0; j < n; j++) {
                out[base + j] = b;
            }
            for (int i = 0; i < ins; i++) {
                float wi = w[i * outs + o];
                int row = i * ld;
                for (int j = 0; j < n; j++) {
                    out[base + j] += wi * in[row + j];
                }
            }
        }
    }

    @Override
    public void accumulateOuter(float[] x, int xs, float[] y, int ys, int ld, int n, float[] acc) {
        for (int r = 0; r < xs; r++) {
            for (int s = 0; s < ys; s++) {
                float sum = 0f;
                for (int j = 0; j < n; j++) {
                    sum += x[r * ld + j] * y[s * ld + j];
                }
                acc[r * ys + s] += sum;
            }
        }
    }

    @Override
    public void accumulateRows(float[] x, int rows, int ld, int n, float[] acc) {
        for (int r = 0; r < rows; r++) {
            float sum = 0f;
            for (int j = 0; j < n; j++) {
                sum += x[r * ld + j];
            }
            acc[r] += sum;
        }
    }

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public String describe() {
        return "scalar";
    }
}
