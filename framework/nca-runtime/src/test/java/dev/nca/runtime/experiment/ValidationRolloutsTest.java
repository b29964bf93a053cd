package dev.nca.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.runtime.evaluate.Evaluation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The validation error of an evaluation, worked by hand. */
class ValidationRolloutsTest {

    private static Evaluation evaluation(double[][] error, double[][] norm) {
        long[] steps = new long[error.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 4L * i;
        }
        return new Evaluation(steps, error, norm, Nd4j.zeros(DataType.DOUBLE, error.length, 1, 2, 2));
    }

    @Test
    void meanErrorOverMeanNormAfterTheFirstFrame() {
        // frame 0 is left out (its error is zero by construction); (1 + 3 + 2 + 2) / (4 + 4 + 4 + 4)
        double score = ValidationRollouts.score(evaluation(new double[][] {{9, 9}, {1, 3}, {2, 2}},
                new double[][] {{5, 5}, {4, 4}, {4, 4}}));
        assertThat(score).isEqualTo(0.5);
    }

    @Test
    void allZeroDataGiveTheMeanError() {
        double score = ValidationRollouts.score(evaluation(new double[][] {{0}, {1}, {3}},
                new double[][] {{0}, {0}, {0}}));
        assertThat(score).isEqualTo(2.0);
    }

    @Test
    void nonFiniteRolloutScoresInfinityAndLosesToAnyFiniteScore() {
        double score = ValidationRollouts.score(evaluation(new double[][] {{0}, {Double.NaN}},
                new double[][] {{1}, {1}}));
        assertThat(score).isEqualTo(Double.POSITIVE_INFINITY);
        BestModel best = new BestModel(true);
        best.offerValidation(3, score, 1.0, null);
        assertThat(best.exists()).isFalse();
    }
}
