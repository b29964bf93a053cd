package dev.nca.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Boundary;
import dev.nca.api.Kernels;
import java.util.List;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.support.TestExtensions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One NCA step against a direct, loop-by-loop evaluation of eqs. 1, 3 and 5 of paper 1. */
class NcaEngineForwardTest {

    @ParameterizedTest
    @EnumSource(Boundary.class)
    void oneStepMatchesTheDirectFormula(Boundary boundary) {
        int s = 4;
        int c = 2;
        int h = 3;
        double[][][] g = {TestExtensions.IDENTITY, TestExtensions.LOPSIDED};
        NcaConfig config = new NcaConfig(c, 1, h, true, Kernels.of(List.of("id", "lop"), g),
                TestExtensions.tanh(), boundary, 1.0, MaskMode.CELL);
        NcaParameters p = NcaParameters.initialise(config, DataType.DOUBLE, new SplittableRandom(3), 1.0);
        SplittableRandom r = new SplittableRandom(4);
        p.w1().assign(EngineGradientTest.randomArray(p.w1().shape(), r, 1));
        p.v().assign(EngineGradientTest.randomArray(p.v().shape(), r, 1));
        p.b2().assign(EngineGradientTest.randomArray(p.b2().shape(), r, 1));
        INDArray x = EngineGradientTest.randomArray(new long[] {1, c, s, s}, r, 1);

        INDArray got = new StencilGemmEngine(config, s, DataType.DOUBLE)
                .rollout(p, x, 1, new int[] {1}, new SplittableRandom(0), false).finalState();

        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < s; j++) {
                    double f = p.v().getDouble(ch, 0);
                    for (int hh = 0; hh < h; hh++) {
                        double pre = p.b2().getDouble(hh, 0);
                        for (int c2 = 0; c2 < c; c2++) {
                            for (int k = 0; k < 2; k++) {
                                pre += p.w2().getDouble(c2 * 2 + k, hh) * perceive(x, c2, i, j, g[k], boundary, s);
                            }
                        }
                        f += p.w1().getDouble(hh, ch) * Math.tanh(pre);
                    }
                    assertThat(got.getDouble(0, ch, i, j)).isCloseTo(x.getDouble(0, ch, i, j) + f, within(1e-12));
                }
            }
        }
    }

    private static double perceive(INDArray x, int c, int i, int j, double[][] g, Boundary b, int s) {
        double sum = 0;
        for (int a = -1; a <= 1; a++) {
            for (int e = -1; e <= 1; e++) {
                int ii = i + a;
                int jj = j + e;
                if (b == Boundary.ZERO && (ii < 0 || ii >= s || jj < 0 || jj >= s)) {
                    continue;
                }
                ii = b == Boundary.PERIODIC ? (ii + s) % s : reflect(ii, s);
                jj = b == Boundary.PERIODIC ? (jj + s) % s : reflect(jj, s);
                sum += g[a + 1][e + 1] * x.getDouble(0, c, ii, jj);
            }
        }
        return sum;
    }

    private static int reflect(int i, int s) {
        return i < 0 ? -i : (i >= s ? 2 * s - 2 - i : i);
    }

    @Test
    void doNothingRuleAndMaskRate() {
        NcaConfig config = new NcaConfig(2, 1, 8, false, TestExtensions.idLap(), TestExtensions.relu(),
                Boundary.PERIODIC, 0.5, MaskMode.ELEMENT);
        NcaParameters p = NcaParameters.initialise(config, DataType.FLOAT, new SplittableRandom(3), 1.0);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 2, 16, 16);
        NcaEngine engine = new StencilGemmEngine(config, 16, DataType.FLOAT);
        // W1 = 0, v = 0 at initialisation: the state does not change
        assertThat(engine.rollout(p, x, 5, new int[0], new SplittableRandom(1), false).finalState()).isEqualTo(x);
        // v = 1: each element grows by 1 in about half of the steps
        p.v().assign(1.0);
        INDArray after = engine.rollout(p, x, 40, new int[0], new SplittableRandom(1), false).finalState();
        double meanGrowth = after.sub(x).meanNumber().doubleValue();
        assertThat(meanGrowth).isCloseTo(20.0, within(0.5));
    }
}
