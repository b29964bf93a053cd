package dev.nca.core.train;

import dev.nca.api.Loss;
import dev.nca.api.MiniBatch;
import dev.nca.api.RandomSource;
import dev.nca.api.ScheduleRun;
import dev.nca.api.Target;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.engine.Rollout;
import dev.nca.core.model.NcaParameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Back-propagation through time over a schedule's mini-batches (paper 1, Algorithm 2): each
 * epoch sums the gradients of all its mini-batches, each the gradient of the mean per-sample
 * loss over the whole epoch, then applies one (normalised) Nadam update.
 *
 * <p>Mini-batches are rolled out in blocks of {@link TrainingOptions#block()} samples to bound
 * the tape's memory; results do not depend on the block size except through the update masks'
 * random streams. Not thread-safe.
 */
public final class Trainer {

    private final NcaEngine engine;
    private final NcaParameters params;
    private final NcaParameters grads;
    private final Loss loss;
    private final ScheduleRun schedule;
    private final TrainingOptions options;
    private final RandomSource random;
    private final Nadam optimizer;
    private final int observable;

    public Trainer(NcaEngine engine, NcaParameters params, Loss loss, ScheduleRun schedule, TrainingOptions options,
                   RandomSource random) {
        this.engine = engine;
        this.params = params;
        this.loss = loss;
        this.schedule = schedule;
        this.options = options;
        this.random = random;
        this.grads = NcaParameters.zeros(engine.config(), params.dataType());
        this.optimizer = new Nadam(engine.config(), params.dataType(), options.learningRate(), options.beta1(),
                options.beta2(), options.epsilon(), options.normalise());
        this.observable = engine.config().observable();
    }

    /** The optimiser (its state goes into checkpoints). */
    public Nadam optimizer() {
        return optimizer;
    }

    /** The parameters being trained (updated in place). */
    public NcaParameters parameters() {
        return params;
    }

    /**
     * Runs one epoch and applies its update.
     *
     * @throws DivergenceException if a loss, gradient or parameter becomes NaN or infinite; the
     *                             parameters are then left as they were before the epoch
     */
    public EpochResult runEpoch(int epoch) {
        long t0 = System.nanoTime();
        List<MiniBatch> batches = schedule.planEpoch(epoch);
        int total = batches.stream().mapToInt(MiniBatch::size).sum();
        if (total == 0) {
            throw new IllegalStateException("the schedule planned an empty epoch");
        }
        grads.clear();
        double[] batchLosses = new double[batches.size()];
        double epochSum = 0;
        double doNothingSum = 0;
        for (int i = 0; i < batches.size(); i++) {
            MiniBatch batch = batches.get(i);
            double[] sums = runBatch(epoch, i, batch, 1.0 / total, epoch == 0);
            batchLosses[i] = sums[0] / batch.size();
            epochSum += sums[0];
            doNothingSum += sums[1];
        }
        double epochLoss = epochSum / total;
        if (!Double.isFinite(epochLoss)) {
            throw new DivergenceException(epoch, "the loss is " + epochLoss);
        }
        double gradNorm = 0;
        for (INDArray g : grads.list()) {
            double n = g.norm2Number().doubleValue();
            gradNorm += n * n;
        }
        gradNorm = Math.sqrt(gradNorm);
        if (!Double.isFinite(gradNorm)) {
            throw new DivergenceException(epoch, "the gradient is not finite");
        }
        NcaParameters before = params.copy();
        optimizer.update(params, grads);
        if (!params.allFinite()) {
            params.assign(before);
            throw new DivergenceException(epoch, "a parameter became non-finite after the update");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new EpochResult(epoch, epochLoss, batchLosses, seconds, epoch == 0 ? doNothingSum / total : Double.NaN,
                gradNorm);
    }

    /** Returns {sum of sample losses, sum of do-nothing losses}. */
    private double[] runBatch(int epoch, int index, MiniBatch batch, double scale, boolean measureDoNothing) {
        double lossSum = 0;
        double doNothing = 0;
        List<INDArray> finals = new ArrayList<>();
        int[] steps = batch.targets().stream().mapToInt(Target::step).toArray();
        for (int from = 0; from < batch.size(); from += options.block()) {
            int to = Math.min(batch.size(), from + options.block());
            INDArray start = rows(batch.start(), from, to);
            Rollout rollout = engine.rollout(params, start, batch.steps(), steps,
                    random.stream("mask/" + epoch + "/" + index + "/" + from), true);
            Map<Integer, INDArray> stateGrads = new HashMap<>();
            for (Target target : batch.targets()) {
                INDArray observed = rows(target.observed(), from, to).castTo(params.dataType());
                INDArray state = rollout.states().get(target.step());
                INDArray prediction = observableOf(state);
                INDArray gradient = Nd4j.zerosLike(prediction);
                INDArray values = loss.evaluate(prediction, observed, gradient);
                lossSum += target.weight() * values.sumNumber().doubleValue();
                if (measureDoNothing) {
                    doNothing += target.weight()
                            * loss.evaluate(observableOf(start), observed, null).sumNumber().doubleValue();
                }
                INDArray full = Nd4j.zerosLike(state);
                full.get(obsIndex()).assign(gradient.muli(target.weight() * scale));
                stateGrads.put(target.step(), full);
            }
            engine.backward(params, rollout, stateGrads, grads);
            finals.add(rollout.finalState());
        }
        schedule.accept(batch, finals.size() == 1 ? finals.get(0) : Nd4j.concat(0, finals.toArray(INDArray[]::new)));
        return new double[] {lossSum, doNothing};
    }

    private INDArray observableOf(INDArray state) {
        return state.get(obsIndex()).dup('c');
    }

    private INDArrayIndex[] obsIndex() {
        return new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.interval(0, observable), NDArrayIndex.all(),
            NDArrayIndex.all()};
    }

    private static INDArray rows(INDArray a, int from, int to) {
        if (from == 0 && to == a.size(0)) {
            return a;
        }
        return a.get(NDArrayIndex.interval(from, to)).dup('c');
    }
}
