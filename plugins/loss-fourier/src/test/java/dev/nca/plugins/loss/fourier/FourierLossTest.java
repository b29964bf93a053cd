package dev.nca.plugins.loss.fourier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.Loss;
import dev.nca.api.LossFunction;
import dev.nca.testkit.LossFunctionContract;
import dev.nca.testkit.NdValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@code fourier} with default parameters (magnitudes, norm, orthonormal, eps 1e-6) and value checks. */
class FourierLossTest extends LossFunctionContract {

    @Override
    protected LossFunction lossFunction() {
        return new FourierLoss();
    }

    @Test
    void handWorkedTwoByTwo() {
        // x = delta at (0,0): DFT = 1 at all 4 frequencies (unnormalised). y = all ones: DFT = (4, 0, 0, 0).
        // |X| - |Y| = (-3, 1, 1, 1): norm sqrt(12); orthonormal (divide by S = 2): sqrt(3)
        INDArray x = Nd4j.create(new double[] {1, 0, 0, 0}, new long[] {1, 1, 2, 2}, DataType.DOUBLE);
        INDArray y = Nd4j.create(new double[] {1, 1, 1, 1}, new long[] {1, 1, 2, 2}, DataType.DOUBLE);
        Loss raw = FourierTesting.create(Map.of("normalise", false, "epsilon", 0.0), DataType.DOUBLE);
        Loss ortho = FourierTesting.create(Map.of("epsilon", 0.0), DataType.DOUBLE);
        Loss meanSquare = FourierTesting.create(Map.of("normalise", false, "epsilon", 0.0, "reduction", "mean_square"),
                DataType.DOUBLE);
        assertThat(raw.evaluate(x, y, null).getDouble(0)).isCloseTo(Math.sqrt(12), within(1e-12));
        assertThat(ortho.evaluate(x, y, null).getDouble(0)).isCloseTo(Math.sqrt(3), within(1e-12));
        assertThat(meanSquare.evaluate(x, y, null).getDouble(0)).isCloseTo(12.0 / 4, within(1e-12));
    }

    @Test
    void matchesNaiveDftOnRandomInputs() {
        SplittableRandom rng = new SplittableRandom(11);
        for (boolean normalise : new boolean[] {true, false}) {
            for (String reduction : List.of("norm", "mean_square")) {
                for (double eps : new double[] {0.0, 0.3}) {
                    Loss loss = FourierTesting.create(Map.of("normalise", normalise, "reduction", reduction,
                            "epsilon", eps), DataType.DOUBLE);
                    for (long[] shape : new long[][] {{2, 2, 4, 4}, {1, 3, 5, 5}, {2, 1, 6, 6}, {1, 1, 8, 8}}) {
                        INDArray x = FourierTesting.uniform(shape, -1, 1, rng);
                        INDArray y = FourierTesting.uniform(shape, 0, 2, rng);
                        double[] expected = NaiveSpectralLoss.loss(x, y, false, normalise, reduction.equals("mean_square"),
                                eps);
                        assertThat(loss.evaluate(x, y, null).toDoubleVector()).as("%s %s eps %s", normalise, reduction, eps)
                                .containsExactly(expected, within(1e-10 * Math.max(1, expected[0])));
                    }
                }
            }
        }
    }

    @Test
    void magnitudesIgnorePeriodicTranslation() {
        SplittableRandom rng = new SplittableRandom(12);
        INDArray x = FourierTesting.uniform(new long[] {2, 2, 5, 5}, -1, 1, rng);
        INDArray y = FourierTesting.uniform(new long[] {2, 2, 5, 5}, -1, 1, rng);
        INDArray shifted = roll(x, 2, 3);
        Loss loss = createLoss(1, DataType.DOUBLE);
        assertThat(NdValues.of(shifted)).isNotEqualTo(NdValues.of(x));
        assertThat(loss.evaluate(shifted, y, null).toDoubleVector())
                .containsExactly(loss.evaluate(x, y, null).toDoubleVector(), within(1e-12));
        for (double v : loss.evaluate(shifted, x, null).toDoubleVector()) {
            assertThat(v).as("distance of a pattern to its own translate").isLessThan(1e-12);
        }
    }

    @Test
    void zeroPredictionHasFiniteValueAndZeroGradientWhereSpectrumVanishes() {
        // X = 0 at every frequency: with eps smoothing d m / dX = X / m(X) = 0, so the gradient is 0
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 2, 2, 4, 4);
        INDArray y = FourierTesting.uniform(x.shape(), 0, 1, new SplittableRandom(13));
        Loss loss = createLoss(1, DataType.DOUBLE);
        INDArray g = Nd4j.valueArrayOf(x.shape(), 9.0, DataType.DOUBLE);
        double[] values = loss.evaluate(x, y, g).toDoubleVector();
        assertThat(values).containsExactly(NaiveSpectralLoss.loss(x, y, false, true, false, 1e-6), within(1e-10));
        assertThat(NdValues.of(g)).containsOnly(0.0);
    }

    @Test
    void stridedAndFloat32ViewsGiveTheSameValuesAsCopies() {
        SplittableRandom rng = new SplittableRandom(15);
        INDArray big = FourierTesting.uniform(new long[] {2, 4, 6, 6}, -1, 1, rng);
        INDArray view = big.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3));
        INDArray y = FourierTesting.uniform(new long[] {2, 2, 6, 6}, -1, 1, rng);
        Loss loss = createLoss(1, DataType.DOUBLE);
        INDArray g1 = Nd4j.create(DataType.DOUBLE, 2, 2, 6, 6);
        INDArray g2 = Nd4j.create(DataType.DOUBLE, 2, 2, 6, 6);
        double[] expected = loss.evaluate(view.dup(), y, g2).toDoubleVector();
        assertThat(loss.evaluate(view, y, g1).toDoubleVector()).containsExactly(expected, within(1e-14));
        assertThat(NdValues.of(g1)).containsExactly(NdValues.of(g2), within(1e-14));
        INDArray view32 = big.castTo(DataType.FLOAT).get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3));
        Loss loss32 = createLoss(1, DataType.FLOAT);
        INDArray values32 = loss32.evaluate(view32, y.castTo(DataType.FLOAT), null);
        assertThat(values32.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(values32.toDoubleVector()).containsExactly(expected, within(1e-5));
    }

    @Test
    void concurrentCallsAgreeWithSequentialOnes() throws Exception {
        SplittableRandom rng = new SplittableRandom(14);
        Loss loss = createLoss(1, DataType.DOUBLE);
        List<INDArray[]> inputs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long[] shape = {1 + i % 3, 2, 8, 8};
            inputs.add(new INDArray[] {FourierTesting.uniform(shape, -1, 1, rng), FourierTesting.uniform(shape, -1, 1, rng)});
        }
        List<double[]> sequential = new ArrayList<>();
        for (INDArray[] in : inputs) {
            INDArray g = Nd4j.create(DataType.DOUBLE, in[0].shape());
            loss.evaluate(in[0], in[1], g);
            sequential.add(NdValues.of(g));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int rep = 0; rep < 4; rep++) {
                for (INDArray[] in : inputs) {
                    futures.add(pool.submit(() -> {
                        INDArray g = Nd4j.create(DataType.DOUBLE, in[0].shape());
                        loss.evaluate(in[0], in[1], g);
                        return NdValues.of(g);
                    }));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).containsExactly(sequential.get(i % inputs.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Periodic shift of every image by (di, dj) cells. */
    private static INDArray roll(INDArray a, int di, int dj) {
        INDArray out = Nd4j.create(DataType.DOUBLE, a.shape());
        int s = (int) a.size(2);
        for (int b = 0; b < a.size(0); b++) {
            for (int c = 0; c < a.size(1); c++) {
                for (int i = 0; i < s; i++) {
                    for (int j = 0; j < s; j++) {
                        out.putScalar(new long[] {b, c, (i + di) % s, (j + dj) % s}, a.getDouble(b, c, i, j));
                    }
                }
            }
        }
        return out;
    }
}
