package dev.nca.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.Boundary;
import dev.nca.core.model.AliveRule;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.support.TestExtensions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Alive masking of growing NCA on lattices worked by hand. */
class NcaEngineAliveTest {

    private static final int S = 4;

    /** C = 2: channel 0 is 1 everywhere, channel 1 ("alpha") is 0.5 at (0, 0) and 0 elsewhere. */
    private static INDArray start() {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 1, 2, S, S);
        x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.point(0)).assign(1.0);
        x.putScalar(new long[] {0, 1, 0, 0}, 0.5);
        return x;
    }

    private static INDArray step(Boundary boundary, double alphaBias) {
        NcaConfig config = new NcaConfig(2, 2, 4, false, TestExtensions.idLap(), TestExtensions.relu(), boundary, 1.0,
                MaskMode.CELL, new AliveRule(1, 0.1));
        // W1 is zero-initialised, so the update is f = v: only the bias moves the state
        NcaParameters p = NcaParameters.initialise(config, DataType.DOUBLE, new SplittableRandom(1), 1.0);
        p.v().putScalar(1, 0, alphaBias);
        return new StencilGemmEngine(config, S, DataType.DOUBLE)
                .rollout(p, start(), 1, new int[] {1}, new SplittableRandom(0), false).finalState();
    }

    /** Cells whose 3x3 neighbourhood holds (0, 0), listed by hand. */
    private static boolean[][] expectedAlive(boolean periodic) {
        boolean[][] alive = new boolean[S][S];
        int[] near = periodic ? new int[] {3, 0, 1} : new int[] {0, 1};
        for (int i : near) {
            for (int j : near) {
                alive[i][j] = true;
            }
        }
        return alive;
    }

    @Test
    void zeroBoundaryKeepsOnlyTheNeighboursOfTheLivingCell() {
        assertCells(step(Boundary.ZERO, 0.0), expectedAlive(false), 0.0);
        assertCells(step(Boundary.REFLECT, 0.0), expectedAlive(false), 0.0);
    }

    @Test
    void periodicNeighbourhoodsWrapAround() {
        assertCells(step(Boundary.PERIODIC, 0.0), expectedAlive(true), 0.0);
    }

    @Test
    void aCellMustAlsoBeAliveAfterTheUpdate() {
        // the bias lowers alpha everywhere by 0.45: (0, 0) falls to 0.05 <= 0.1 and every cell dies
        INDArray after = step(Boundary.ZERO, -0.45);
        assertThat(after.sumNumber().doubleValue()).isZero();
    }

    @Test
    void aDeadCellComingAliveOnlyAfterTheUpdateStaysDead() {
        // the bias raises alpha everywhere by 0.2: every cell is alive after, but only the
        // neighbours of (0, 0) were alive before
        assertCells(step(Boundary.ZERO, 0.2), expectedAlive(false), 0.2);
    }

    private static void assertCells(INDArray x, boolean[][] alive, double alphaBias) {
        for (int i = 0; i < S; i++) {
            for (int j = 0; j < S; j++) {
                double expected0 = alive[i][j] ? 1.0 : 0.0;
                double expected1 = alive[i][j] ? (i == 0 && j == 0 ? 0.5 : 0.0) + alphaBias : 0.0;
                assertThat(x.getDouble(0, 0, i, j)).as("channel 0 at (%d, %d)", i, j).isEqualTo(expected0);
                assertThat(x.getDouble(0, 1, i, j)).as("alpha at (%d, %d)", i, j)
                        .isCloseTo(expected1, org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }
}
