package dev.nca.runtime.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Boundary;
import dev.nca.api.NcaException;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.testkit.GradientChecker;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdversarialSearchTest {

    private static final int S = 5;

    @Test
    void startStateGradientMatchesCentralFiniteDifferences() {
        NcaConfig config = AnalysisModels.config(4, 2, 6, AnalysisModels.ID_SOBEL_LAP, AnalysisModels.TANH,
                Boundary.ZERO);
        SplittableRandom r = new SplittableRandom(8);
        INDArray start = AnalysisModels.uniform(new long[] {1, 4, S, S}, r, 1.0);
        INDArray target = AnalysisModels.uniform(new long[] {1, 2, S, S}, r, 1.0);
        try (NcaEngine engine = AnalysisModels.engine(config, S)) {
            AdversarialSearch search = new AdversarialSearch(engine, AnalysisModels.random(config, 2, 0.4), start,
                    target, 4, 3);
            INDArray delta = AnalysisModels.uniform(new long[] {1, 2, S, S}, r, 0.2);
            GradientChecker.standard().check("dE/d delta", search::error, delta, search.gradient(delta));
        }
    }

    @Test
    void findsTheAnalyticWorstCaseOfALinearModel() {
        // x_n = (1 + a_c)^n x0 per channel, target = the unperturbed x_n: E(delta) = sum_c g_c^2 |delta_c|^2 / N
        // with g_c = (1 + a_c)^n; the maximum over ||delta|| <= kappa puts everything on the channel of the
        // largest g: kappa^2 g_max^2 / N. Random directions give kappa^2 mean(g^2) / N on average.
        NcaConfig config = AnalysisModels.config(3, 2, 3, AnalysisModels.ID, AnalysisModels.LINEAR,
                Boundary.PERIODIC);
        double[] a = {0.2, -0.1, 0.0};
        NcaParameters params = AnalysisModels.diagonal(config, a);
        int n = 3;
        INDArray start = AnalysisModels.uniform(new long[] {1, 3, S, S}, new SplittableRandom(2), 1.0);
        double g0 = Math.pow(1.2, n);
        double g1 = Math.pow(0.9, n);
        INDArray target = start.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2)).dup();
        target.slice(0).slice(0).muli(g0);
        target.slice(0).slice(1).muli(g1);
        double cells = 2.0 * S * S;
        double kappa = 1.5;
        try (NcaEngine engine = AnalysisModels.engine(config, S)) {
            AdversarialSearch search = new AdversarialSearch(engine, params, start, target, n, 1);
            assertThat(search.error(search.zeroDelta())).isCloseTo(0.0, within(1e-24));

            AdversarialSearch.Result worst = search.search(kappa, 30, true, new SplittableRandom(4), Progress.NONE);
            double optimum = kappa * kappa * g0 * g0 / cells;
            assertThat(worst.error()).isCloseTo(optimum, within(0.01 * optimum)).isLessThanOrEqualTo(optimum * (1 + 1e-9));
            assertThat(worst.norm()).isLessThanOrEqualTo(kappa * (1 + 1e-12));

            double[] random = search.randomErrors(kappa, 20, new SplittableRandom(5));
            double mean = java.util.Arrays.stream(random).average().orElseThrow();
            assertThat(mean).isCloseTo(kappa * kappa * (g0 * g0 + g1 * g1) / 2 / cells, within(0.15 * optimum));
            assertThat(java.util.Arrays.stream(random).max().orElseThrow()).isLessThan(worst.error());
        }
    }

    @Test
    void minimisingMovesTheStartTowardsTheTargetByKappa() {
        // x_n = g x0 with one observable channel; target y: min over ||delta|| <= kappa of |g (x0 + delta) - y|^2 / N
        // is (|g x0 - y| - g kappa)^2 / N when g kappa < |g x0 - y|
        NcaConfig config = AnalysisModels.config(1, 1, 1, AnalysisModels.ID, AnalysisModels.LINEAR,
                Boundary.PERIODIC);
        double g = Math.pow(1.1, 2);
        SplittableRandom r = new SplittableRandom(6);
        INDArray start = AnalysisModels.uniform(new long[] {1, 1, S, S}, r, 1.0);
        INDArray target = AnalysisModels.uniform(new long[] {1, 1, S, S}, r, 1.0);
        double distance = start.mul(g).sub(target).norm2Number().doubleValue();
        double kappa = 0.5;
        try (NcaEngine engine = AnalysisModels.engine(config, S)) {
            AdversarialSearch search = new AdversarialSearch(engine, AnalysisModels.diagonal(config,
                    new double[] {0.1}), start, target, 2, 1);
            AdversarialSearch.Result best = search.search(kappa, 40, false, new SplittableRandom(1), Progress.NONE);
            double optimum = Math.pow(distance - g * kappa, 2) / (S * S);
            assertThat(best.error()).isCloseTo(optimum, within(0.01 * optimum)).isGreaterThanOrEqualTo(optimum * (1 - 1e-9));
        }
    }

    @Test
    void rejectsANonPositiveKappa() {
        NcaConfig config = AnalysisModels.config(1, 1, 1, AnalysisModels.ID, AnalysisModels.LINEAR,
                Boundary.PERIODIC);
        try (NcaEngine engine = AnalysisModels.engine(config, S)) {
            AdversarialSearch search = new AdversarialSearch(engine, AnalysisModels.diagonal(config,
                    new double[] {0.1}), Nd4j.zeros(1, 1, S, S), Nd4j.zeros(1, 1, S, S), 2, 1);
            assertThatThrownBy(() -> search.search(0, 5, true, new SplittableRandom(1), Progress.NONE))
                    .isInstanceOf(NcaException.class).hasMessageContaining("kappa").hasMessageContaining("> 0");
            assertThatThrownBy(() -> search.randomErrors(-1, 5, new SplittableRandom(1)))
                    .isInstanceOf(NcaException.class).hasMessageContaining("kappa");
        }
    }
}
