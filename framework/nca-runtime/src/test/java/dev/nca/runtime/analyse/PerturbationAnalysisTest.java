package dev.nca.runtime.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Boundary;
import dev.nca.api.NcaException;
import dev.nca.api.TrueDynamics;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaConfig;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PerturbationAnalysisTest {

    private static final int S = 8;

    private final NcaConfig config = AnalysisModels.config(2, 1, 2, AnalysisModels.ID, AnalysisModels.LINEAR,
            Boundary.PERIODIC);
    private final INDArray start = AnalysisModels.uniform(new long[] {1, 2, S, S}, new SplittableRandom(1), 1.0);

    /** A true system that multiplies the state by {@code factor} every native step, 3 native steps per frame. */
    private static TrueDynamics scaling(double factor) {
        return new TrueDynamics() {
            @Override
            public int stepsPerFrame() {
                return 3;
            }

            @Override
            public INDArray advance(INDArray states, int steps) {
                return states.mul(Math.pow(factor, steps));
            }
        };
    }

    @Test
    void aLinearModelScalesThePatchByItsGrowthFactorEveryStep() {
        // x' = 1.1 x in the observable channel: a patch of side 2, amplitude 0.5 has RMS
        // 0.5 * sqrt(4 / 64) over the lattice, and the difference grows by 1.1 per step
        try (NcaEngine engine = AnalysisModels.engine(config, S)) {
            PerturbationReport report = new PerturbationAnalysis(new ModelRollouts(engine,
                    AnalysisModels.diagonal(config, new double[] {0.1, -0.5}), 5)).run(start, new Patch(2, 0.5, 1),
                    PatchPositions.grid(S, 2, 3), 2, new int[] {1, 3}, Progress.NONE);

            assertThat(report.positions().gridRows()).containsExactly(0, 3, 6);
            assertThat(report.positions().count()).isEqualTo(9);
            assertThat(report.steps()).containsExactly(0, 1, 3);
            double initial = 0.5 * Math.sqrt(4.0 / 64);
            for (double[] curve : report.response()) {
                assertThat(curve[0]).isCloseTo(initial, within(1e-12));
                assertThat(curve[1]).isCloseTo(initial * 1.1, within(1e-12));
                assertThat(curve[2]).isCloseTo(initial * Math.pow(1.1, 3), within(1e-12));
            }
            assertThat(report.maskNoise()).containsOnly(0.0);
            assertThat(report.finalResponseMap(S, 2)).hasDimensions(3, 3);
        }
    }

    @Test
    void theTruthRunsOnTheNcaClock() {
        // 3 native steps per frame of 6 NCA steps: NCA step n is n / 2 native steps of x -> 0.9 x;
        // the patch of side 2 and amplitude 0.5 on one of 2 channels has RMS 0.5 sqrt(4 / 128)
        TruthRollouts truth = new TruthRollouts(scaling(0.9), 6, 2);
        PerturbationReport report = new PerturbationAnalysis(truth).run(start, new Patch(2, 0.5, 1),
                PatchPositions.random(S, 2, 5, new SplittableRandom(3)), 4, new int[] {2, 6}, Progress.NONE);

        double initial = 0.5 * Math.sqrt(4.0 / 128);
        for (double[] curve : report.response()) {
            assertThat(curve[0]).isCloseTo(initial, within(1e-12));
            assertThat(curve[1]).isCloseTo(initial * 0.9, within(1e-12));
            assertThat(curve[2]).isCloseTo(initial * Math.pow(0.9, 3), within(1e-12));
        }
        assertThat(truth.nativeSteps(10)).isEqualTo(5);
        assertThat(truth.nativeStepsPerNcaStep()).isEqualTo(0.5);
        assertThatThrownBy(() -> truth.nativeSteps(3)).isInstanceOf(NcaException.class)
                .hasMessageContaining("step 3 is not a whole number of steps of the true system")
                .hasMessageContaining("multiples of 2 NCA steps");
        assertThatThrownBy(() -> new PerturbationAnalysis(truth).run(start, new Patch(2, 0.5, 1),
                PatchPositions.grid(S, 2, 2), 1, new int[] {2}, Progress.NONE)).isInstanceOf(NcaException.class);
    }

    @Test
    void randomPositionsComeFromTheGeneratorAndFitTheLattice() {
        PatchPositions a = PatchPositions.random(S, 3, 40, new SplittableRandom(9));
        PatchPositions b = PatchPositions.random(S, 3, 40, new SplittableRandom(9));
        assertThat(a.pairs()).isDeepEqualTo(b.pairs());
        assertThat(a.isGrid()).isFalse();
        assertThat(Arrays.stream(a.rows()).allMatch(r -> r >= 0 && r <= S - 3)).isTrue();
        assertThat(Arrays.stream(a.cols()).allMatch(c -> c >= 0 && c <= S - 3)).isTrue();
        assertThat(a.rows()).contains(0, S - 3);
        // the map is the mean over the patches covering each cell, NaN where none does
        PatchPositions two = new PatchPositions(new int[] {0, 1}, new int[] {0, 1}, null, null);
        double[][] map = two.map(new double[] {1.0, 3.0}, 4, 2);
        assertThat(map[0][0]).isEqualTo(1.0);
        assertThat(map[1][1]).isEqualTo(2.0);
        assertThat(map[2][2]).isEqualTo(3.0);
        assertThat(map[3][3]).isNaN();
    }

    @Test
    void rejectsBadPatchesPositionsAndSteps() {
        try (NcaEngine engine = AnalysisModels.engine(config, S)) {
            PerturbationAnalysis analysis = new PerturbationAnalysis(new ModelRollouts(engine,
                    AnalysisModels.diagonal(config, new double[] {0.1, 0.1}), 1));
            PatchPositions grid = PatchPositions.grid(S, 1, 1);
            assertThatThrownBy(() -> analysis.run(start, new Patch(9, 0.5, 1), grid, 0, new int[] {1}, Progress.NONE))
                    .isInstanceOf(NcaException.class).hasMessageContaining("9 x 9").hasMessageContaining("8 x 8");
            assertThatThrownBy(() -> analysis.run(start, new Patch(2, 0.5, 1), grid, -1, new int[] {1}, Progress.NONE))
                    .isInstanceOf(NcaException.class).hasMessageContaining(">= 0");
            assertThatThrownBy(() -> analysis.run(start, new Patch(2, 0.5, 3), grid, 0, new int[] {1}, Progress.NONE))
                    .isInstanceOf(NcaException.class).hasMessageContaining("perturbs 3 channels");
        }
        assertThatThrownBy(() -> new Patch(2, 0.0, 1)).isInstanceOf(NcaException.class)
                .hasMessageContaining("amplitude");
        assertThatThrownBy(() -> PatchPositions.grid(S, 9, 1)).isInstanceOf(NcaException.class)
                .hasMessageContaining("larger than the lattice");
        assertThatThrownBy(() -> PatchPositions.random(S, 9, 3, new SplittableRandom(1)))
                .isInstanceOf(NcaException.class).hasMessageContaining("larger than the lattice");
        assertThatThrownBy(() -> PatchPositions.random(S, 2, 0, new SplittableRandom(1)))
                .isInstanceOf(NcaException.class).hasMessageContaining("at least 1, got 0");
        assertThatThrownBy(() -> PatchPositions.grid(S, 2, 0)).isInstanceOf(NcaException.class)
                .hasMessageContaining("stride");
    }
}
