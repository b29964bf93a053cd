package dev.nca.plugins.loss.hellinger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.testkit.GradientChecker;
import dev.nca.testkit.LossFunctionContract;
import dev.nca.testkit.NdValues;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The loss contract for {@code hellinger}, whose finite-difference check has to skip one kind of
 * pair: two different constant images have equal normalised masses {@code P = Q}, where
 * {@code H = ||sqrt P - sqrt Q|| / sqrt 2} has a kink (like a norm at 0) and no derivative. The
 * contract's own check is replaced by {@link #gradientMatchesFiniteDifferencesAwayFromTheKink()}
 * on every other pair, and {@link #kinkAtEqualMassesHasZeroGradient()} checks the kink itself.
 */
abstract class HellingerContract extends LossFunctionContract {

    @Override
    protected LossFunction lossFunction() {
        return new HellingerLoss();
    }

    /** Replaced: see the class comment. Not a test here (JUnit runs an override only if annotated). */
    @Override
    public void gradientMatchesFiniteDifferences() {
        throw new UnsupportedOperationException("replaced by gradientMatchesFiniteDifferencesAwayFromTheKink");
    }

    @Test
    void gradientMatchesFiniteDifferencesAwayFromTheKink() {
        Loss loss = createLoss(7, DataType.DOUBLE);
        int checked = 0;
        for (INDArray[] pair : pairs()) {
            if (isConstant(pair[0]) && isConstant(pair[1])) {
                continue;
            }
            INDArray target = pair[1];
            INDArray gradient = Nd4j.create(DataType.DOUBLE, pair[0].shape());
            loss.evaluate(pair[0], target, gradient);
            gradientChecker().check("gradient of 'hellinger' for " + Arrays.toString(pair[0].shape()),
                    GradientChecker.sumOf(x -> loss.evaluate(x, target, null)), pair[0], gradient);
            checked++;
        }
        assertThat(checked).isEqualTo(9);
    }

    @Test
    void kinkAtEqualMassesHasZeroGradient() {
        // constants -0.6 and 0.4: P = Q = uniform, H = 0 (times the penalty factor when enabled)
        Loss loss = createLoss(7, DataType.DOUBLE);
        INDArray x = Nd4j.valueArrayOf(new long[] {2, 2, 4, 4}, -0.6, DataType.DOUBLE);
        INDArray y = Nd4j.valueArrayOf(new long[] {2, 2, 4, 4}, 0.4, DataType.DOUBLE);
        INDArray g = Nd4j.valueArrayOf(x.shape(), 3.0, DataType.DOUBLE);
        for (double v : loss.evaluate(x, y, g).toDoubleVector()) {
            assertThat(v).as("H at P = Q, up to rounding").isBetween(0.0, 1e-14);
        }
        assertThat(Arrays.stream(NdValues.of(g)).map(Math::abs).max().orElseThrow()).isLessThan(1e-14);
    }

    private static boolean isConstant(INDArray a) {
        double[] v = NdValues.of(a);
        return Arrays.stream(v).allMatch(e -> e == v[0]);
    }
}
