package dev.nca.runtime.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Boundary;
import dev.nca.api.NcaException;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaConfig;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PerturbationAnalysisTest {

    private static final int S = 8;

    private final NcaConfig config = AnalysisModels.config(2, 1, 2, AnalysisModels.ID, AnalysisModels.LINEAR,
            Boundary.PERIODIC);
    private final INDArray start = AnalysisModels.uniform(new long[] {1, 2, S, S}, new SplittableRandom(1), 1.0);

    @Test
    void aLinearModelScalesThePatchByItsGrowthFactorEveryStep() {
        // x' = 1.1 x in the observable channel: a patch of side 2, amplitude 0.5 has RMS
        // 0.5 * sqrt(4 / 64) over the lattice, and the difference grows by 1.1 per step
        try (NcaEngine engine = AnalysisModels.engine(config, S)) {
            PerturbationReport report = new PerturbationAnalysis(engine, AnalysisModels.diagonal(config,
                    new double[] {0.1, -0.5})).run(start, new Patch(2, 0.5, 1), 3, 2, new int[] {1, 3}, 5,
                    Progress.NONE);

            assertThat(report.rows()).containsExactly(0, 3, 6);
            assertThat(report.steps()).containsExactly(0, 1, 3);
            double initial = 0.5 * Math.sqrt(4.0 / 64);
            for (double[][] row : report.response()) {
                for (double[] curve : row) {
                    assertThat(curve[0]).isCloseTo(initial, within(1e-12));
                    assertThat(curve[1]).isCloseTo(initial * 1.1, within(1e-12));
                    assertThat(curve[2]).isCloseTo(initial * Math.pow(1.1, 3), within(1e-12));
                }
            }
            assertThat(report.maskNoise()).containsOnly(0.0);
        }
    }

    @Test
    void rejectsAPatchLargerThanTheLattice() {
        try (NcaEngine engine = AnalysisModels.engine(config, S)) {
            PerturbationAnalysis analysis = new PerturbationAnalysis(engine, AnalysisModels.diagonal(config,
                    new double[] {0.1, 0.1}));
            assertThatThrownBy(() -> analysis.run(start, new Patch(9, 0.5, 1), 1, 0, new int[] {1}, 1, Progress.NONE))
                    .isInstanceOf(NcaException.class).hasMessageContaining("9 x 9").hasMessageContaining("8 x 8");
            assertThatThrownBy(() -> analysis.run(start, new Patch(2, 0.5, 1), 1, -1, new int[] {1}, 1, Progress.NONE))
                    .isInstanceOf(NcaException.class).hasMessageContaining(">= 0");
        }
        assertThatThrownBy(() -> new Patch(2, 0.0, 1)).isInstanceOf(NcaException.class)
                .hasMessageContaining("amplitude");
    }
}
