package dev.nca.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.Boundary;
import dev.nca.api.RandomSource;
import dev.nca.core.engine.StencilGemmEngineFactory;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.support.FixedPairsSchedule;
import dev.nca.core.support.SquaredLoss;
import dev.nca.core.support.TestExtensions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TrainerTest {

    private final NcaConfig config = new NcaConfig(2, 1, 8, false, TestExtensions.idLap(), TestExtensions.tanh(),
            Boundary.PERIODIC, 1.0, MaskMode.CELL);

    /** Data made by diffusion (x' = x + 0.1 lap x, 4 steps): an NCA can represent it exactly. */
    @Test
    void learnsDiffusionWellBelowTheDoNothingLoss() {
        int s = 12;
        INDArray start = Nd4j.zeros(DataType.FLOAT, 8, 2, s, s);
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 8 * s * s; i++) {
            start.putScalar(new long[] {i / (s * s), 0, (i / s) % s, i % s}, r.nextDouble());
        }
        INDArray target = diffuse(start, 4, s);
        NcaParameters params = NcaParameters.initialise(config, DataType.FLOAT, new SplittableRandom(1), 1.0);
        FixedPairsSchedule schedule = new FixedPairsSchedule(start, target, 4);
        Trainer trainer = new Trainer(new StencilGemmEngineFactory(), config, s, params, new SquaredLoss(), schedule,
                new TrainingOptions(LearningRateSchedule.constant(1e-2), 0.9, 0.999, 1e-7, true, 3, 2), new RandomSource(1));
        EpochResult first = trainer.runEpoch(0);
        EpochResult last = first;
        for (int e = 1; e < 150; e++) {
            last = trainer.runEpoch(e);
        }
        assertThat(first.doNothingLoss()).isGreaterThan(0);
        assertThat(first.loss()).isCloseTo(first.doNothingLoss(), org.assertj.core.api.Assertions.within(1e-4));
        assertThat(last.loss()).isLessThan(0.1 * first.doNothingLoss());
        assertThat(schedule.accepted).isEqualTo(300);
        assertThat(first.batchLosses()).hasSize(2);
        trainer.close();
        assertThat(schedule.closed).as("the trainer closes the schedule run it owns").isEqualTo(1);
    }

    /** Each epoch's update uses that epoch's rate: a rate of 1e-12 leaves the parameters where they were. */
    @Test
    void appliesTheLearningRateOfEachEpoch() {
        int s = 6;
        INDArray start = Nd4j.rand(DataType.FLOAT, 2, 2, s, s);
        INDArray target = diffuse(start, 2, s);
        NcaParameters params = NcaParameters.initialise(config, DataType.FLOAT, new SplittableRandom(1), 1.0);
        LearningRateSchedule rates = new LearningRateSchedule(LearningRateSchedule.Kind.EXPONENTIAL, 1e-2, 1e-12, 2);
        Trainer trainer = new Trainer(new StencilGemmEngineFactory(), config, s, params, new SquaredLoss(), new FixedPairsSchedule(start, target, 2),
                new TrainingOptions(rates, 0.9, 0.999, 1e-7, true, 2, 1), new RandomSource(1));
        NcaParameters initial = params.copy();
        assertThat(trainer.runEpoch(0).learningRate()).isEqualTo(1e-2);
        NcaParameters afterFirst = params.copy();
        assertThat(trainer.runEpoch(1).learningRate()).isCloseTo(1e-12, org.assertj.core.api.Assertions.within(1e-20));
        // normalised gradients: a step of about the rate per element
        assertThat(afterFirst.w1().sub(initial.w1()).amaxNumber().doubleValue()).isGreaterThan(1e-3);
        assertThat(params.w1().sub(afterFirst.w1()).amaxNumber().doubleValue()).isLessThan(1e-9);
    }

    @Test
    void divergenceStopsWithAClearMessageAndKeepsTheParameters() {
        int s = 6;
        INDArray start = Nd4j.rand(DataType.FLOAT, 2, 2, s, s);
        INDArray target = start.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1)).dup();
        target.putScalar(0, Float.NaN);
        NcaParameters params = NcaParameters.initialise(config, DataType.FLOAT, new SplittableRandom(1), 1.0);
        NcaParameters before = params.copy();
        Trainer trainer = new Trainer(new StencilGemmEngineFactory(), config, s, params, new SquaredLoss(), new FixedPairsSchedule(start, target, 1),
                TrainingOptions.defaults(), new RandomSource(1));
        assertThatThrownBy(() -> trainer.runEpoch(0)).isInstanceOf(DivergenceException.class)
                .hasMessageContaining("epoch 0").hasMessageContaining("loss is NaN");
        assertThat(params.w2()).isEqualTo(before.w2());
    }

    private static INDArray diffuse(INDArray start, int steps, int s) {
        INDArray x = start.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1)).dup();
        for (int t = 0; t < steps; t++) {
            INDArray next = x.dup();
            for (int b = 0; b < x.size(0); b++) {
                for (int i = 0; i < s; i++) {
                    for (int j = 0; j < s; j++) {
                        double lap = 0;
                        for (int a = -1; a <= 1; a++) {
                            for (int e = -1; e <= 1; e++) {
                                lap += TestExtensions.LAPLACIAN[a + 1][e + 1]
                                        * x.getDouble(b, 0, (i + a + s) % s, (j + e + s) % s);
                            }
                        }
                        next.putScalar(new long[] {b, 0, i, j}, x.getDouble(b, 0, i, j) + 0.1 * lap);
                    }
                }
            }
            x = next;
        }
        return x;
    }
}
