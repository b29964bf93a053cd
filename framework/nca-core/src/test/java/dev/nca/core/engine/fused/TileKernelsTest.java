package dev.nca.core.engine.fused;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both kernel sets against the products computed directly in float64, on tiles whose cell counts
 * leave whole blocks, leftover whole vectors and scalar tails (for vector widths 4 - 16), with
 * output counts that are and are not multiples of the register block, and a leading dimension
 * larger than the tile.
 */
class TileKernelsTest {

    private static final int[][] SHAPES = {{8, 12}, {64, 64}, {7, 5}, {16, 3}};

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 16, 48, 49, 64, 112, 240, 250, 256})
    void projectMatchesTheDirectProduct(int n) {
        for (TileKernels kernels : kernelSets()) {
            for (int[] shape : SHAPES) {
                int ins = shape[0];
                int outs = shape[1];
                int ld = n + 3;
                SplittableRandom random = new SplittableRandom(31L * n + ins);
                float[] w = uniform(random, ins * outs);
                float[] bias = uniform(random, outs);
                float[] in = uniform(random, ins * ld);
                float[] out = new float[outs * ld];
                kernels.project(w, bias, ins, outs, in, out, ld, n);
                for (int o = 0; o < outs; o++) {
                    for (int j = 0; j < n; j++) {
                        double want = bias[o];
                        for (int i = 0; i < ins; i++) {
                            want += (double) w[i * outs + o] * in[i * ld + j];
                        }
                        assertThat((double) out[o * ld + j]).as("%s out[%d][%d] of %d x %d, n = %d",
                                kernels.describe(), o, j, ins, outs, n).isCloseTo(want, within(1e-4));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 49, 240, 250})
    void accumulateOuterAndRowsMatchTheDirectSums(int n) {
        for (TileKernels kernels : kernelSets()) {
            for (int[] shape : SHAPES) {
                int xs = shape[0];
                int ys = shape[1];
                int ld = n + 1;
                SplittableRandom random = new SplittableRandom(17L * n + xs);
                float[] x = uniform(random, xs * ld);
                float[] y = uniform(random, ys * ld);
                float[] outer = new float[xs * ys * kernels.lanes()];
                float[] rows = new float[xs * kernels.lanes()];
                double[] outerTotal = new double[xs * ys];
                double[] rowTotal = new double[xs];
                for (int repeat = 0; repeat < 2; repeat++) {
                    kernels.accumulateOuter(x, xs, y, ys, ld, n, outer);
                    kernels.accumulateRows(x, xs, ld, n, rows);
                }
                kernels.flush(outer, outerTotal);
                kernels.flush(rows, rowTotal);
                for (int r = 0; r < xs; r++) {
                    double rowWant = 0;
                    for (int j = 0; j < n; j++) {
                        rowWant += 2.0 * x[r * ld + j];
                    }
                    assertThat(rowTotal[r]).as("%s row %d, n = %d", kernels.describe(), r, n)
                            .isCloseTo(rowWant, within(1e-3));
                    for (int s = 0; s < ys; s++) {
                        double want = 0;
                        for (int j = 0; j < n; j++) {
                            want += 2.0 * x[r * ld + j] * y[s * ld + j];
                        }
                        assertThat(outerTotal[r * ys + s]).as("%s outer[%d][%d] of %d x %d, n = %d",
                                kernels.describe(), r, s, xs, ys, n).isCloseTo(want, within(1e-3));
                    }
                }
                assertThat(outer).as("flush zeroes the partial sums").containsOnly(0f);
            }
        }
    }

    private static List<TileKernels> kernelSets() {
        return List.of(TileKernels.select(), new ScalarTileKernels());
    }

    private static float[] uniform(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }
}
