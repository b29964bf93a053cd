package dev.nca.runtime.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.Boundary;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaConfig;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class SymmetryAnalysisTest {

    private static SymmetryReport analyse(NcaConfig config) {
        INDArray start = AnalysisModels.uniform(new long[] {1, 4, 9, 9}, new SplittableRandom(3), 1.0);
        try (NcaEngine engine = AnalysisModels.engine(config, 9)) {
            return new SymmetryAnalysis(engine, AnalysisModels.random(config, 5, 0.4))
                    .run(start, new int[] {1, 4, 8}, 7, Progress.NONE);
        }
    }

    @Test
    void isotropicKernelsWithPeriodicBoundariesAreEquivariantToRounding() {
        SymmetryReport report = analyse(AnalysisModels.config(4, 2, 16, AnalysisModels.ID_LAP, AnalysisModels.TANH,
                Boundary.PERIODIC));

        assertThat(report.symmetries()).hasSize(7);
        assertThat(report.worstRelative()).isLessThan(1e-12);
        assertThat(report.maskNoiseRms()).containsOnly(0.0);
    }

    @Test
    void sobelKernelsAreNotEquivariant() {
        SymmetryReport report = analyse(AnalysisModels.config(4, 2, 16, AnalysisModels.ID_SOBEL_LAP,
                AnalysisModels.TANH, Boundary.PERIODIC));

        // rotating by 180 degrees maps each Sobel stencil to its negative; random weights are not odd
        for (int g = 0; g < report.symmetries().size(); g++) {
            assertThat(report.relative()[g][2]).as(report.symmetries().get(g).label()).isGreaterThan(1e-3);
        }
    }
}
