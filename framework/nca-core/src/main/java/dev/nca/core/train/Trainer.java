package dev.nca.core.train;

import dev.nca.api.Loss;
import dev.nca.api.MiniBatch;
import dev.nca.api.RandomSource;
import dev.nca.api.ScheduleRun;
import dev.nca.api.Target;
import dev.nca.core.engine.CheckpointingEngine;
import dev.nca.core.engine.EngineFactory;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.engine.Rollout;
import dev.nca.core.model.NcaParameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import dev.nca.core.engine.EngineProfile;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * the tape's memory; blocks run on {@link TrainingOptions#threads()} worker threads, each with
 * its own engine, and their gradients are summed in block order, so results do not depend on the
 * number of threads. The update masks draw from one random stream per block. The loss must allow
 * concurrent calls. Not thread-safe itself. The trainer owns its engines (made by the factory it
 * is given) and the loss and schedule run it is given; close it to stop the workers and free them.
 */
public final class Trainer implements AutoCloseable {

    private final List<NcaEngine> allEngines = new ArrayList<>();
    private final BlockingQueue<NcaEngine> engines;
    private final ExecutorService workers;
    private final NcaParameters params;
    private final NcaParameters grads;
    private final Loss loss;
    private final ScheduleRun schedule;
    private final TrainingOptions options;
    private final RandomSource random;
    private final Nadam optimizer;
    private final int observable;

    /**
     * @param engines  makes the trainer's engines, one per worker thread
     * @param config   the model structure
     * @param size     S, the lattice side of the schedule's states
     * @param params   the parameters to train (updated in place); their data type is the engines'
     * @param loss     the per-sample loss (must allow concurrent calls)
     * @param schedule what each epoch trains on
     * @param options  optimiser and parallelism settings
     * @param random   the run's random source (update masks)
     */
    public Trainer(EngineFactory engines, NcaConfig config, int size, NcaParameters params, Loss loss,
                   ScheduleRun schedule, TrainingOptions options, RandomSource random) {
        this.params = params;
        this.loss = loss;
        this.schedule = schedule;
        this.options = options;
        this.random = random;
        this.grads = NcaParameters.zeros(config, params.dataType());
        this.optimizer = new Nadam(config, params.dataType(), options.beta1(), options.beta2(),
                options.epsilon(), options.normalise());
        this.observable = config.observable();
        int threads = options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
        this.engines = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            NcaEngine made = engines.create(config, size, params.dataType());
            NcaEngine e = options.tapeMemory() > 0 ? new CheckpointingEngine(made, options.tapeMemory()) : made;
            allEngines.add(e);
            this.engines.add(e);
        }
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nca-trainer");
            t.setDaemon(true);
            return t;
        });
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
        double rate = options.learningRate().rate(epoch);
        optimizer.update(params, grads, rate);
        if (!params.allFinite()) {
            params.assign(before);
            NativeMemory.free(before.list());
            throw new DivergenceException(epoch, "a parameter became non-finite after the update");
        }
        NativeMemory.free(before.list());
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new EpochResult(epoch, epochLoss, batchLosses, seconds, epoch == 0 ? doNothingSum / total : Double.NaN,
                gradNorm, rate);
    }

    /** What one block of samples contributed. */
    private record BlockResult(double lossSum, double doNothing, NcaParameters grads, INDArray finalState) {
    }

    /** Returns {sum of sample losses, sum of do-nothing losses}; adds the batch's gradient to grads. */
    private double[] runBatch(int epoch, int index, MiniBatch batch, double scale, boolean measureDoNothing) {
        List<Future<BlockResult>> futures = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += options.block()) {
            int lo = from;
            int hi = Math.min(batch.size(), from + options.block());
            Callable<BlockResult> task = () -> {
                NcaEngine engine = engines.take();
                try {
                    return runBlock(engine, epoch, index, batch, lo, hi, scale, measureDoNothing);
                } finally {
                    engines.add(engine);
                }
            };
            futures.add(workers == null ? CompletableFuture.completedFuture(call(task)) : workers.submit(task));
        }
        double lossSum = 0;
        double doNothing = 0;
        List<INDArray> finals = new ArrayList<>();
        for (Future<BlockResult> f : futures) {
            BlockResult r = await(f);
            lossSum += r.lossSum();
            doNothing += r.doNothing();
            grads.tensors().forEach((k, g) -> g.addi(r.grads().tensors().get(k)));
            NativeMemory.free(r.grads().list());
            finals.add(r.finalState());
        }
        if (finals.size() == 1) {
            schedule.accept(batch, finals.get(0));
        } else {
            schedule.accept(batch, Nd4j.concat(0, finals.toArray(INDArray[]::new)));
            NativeMemory.free(finals);
        }
        return new double[] {lossSum, doNothing};
    }

    private BlockResult runBlock(NcaEngine engine, int epoch, int index, MiniBatch batch, int from, int to,
                                 double scale, boolean measureDoNothing) {
        double lossSum = 0;
        double doNothing = 0;
        int[] steps = batch.targets().stream().mapToInt(Target::step).toArray();
        // every array made here is freed here, except the final state (the schedule gets it) and the
        // block's gradients (freed once summed); see NativeMemory
        List<INDArray> temporaries = new ArrayList<>();
        INDArray start = owned(rows(batch.start(), from, to), batch.start(), temporaries);
        Rollout rollout = engine.rollout(params, start, batch.steps(), steps,
                random.stream("mask/" + epoch + "/" + index + "/" + from), true);
        Map<Integer, INDArray> stateGrads = new HashMap<>();
        for (Target target : batch.targets()) {
            INDArray targetRows = owned(rows(target.observed(), from, to), target.observed(), temporaries);
            INDArray observed = owned(targetRows.castTo(params.dataType()), targetRows, temporaries);
            INDArray state = rollout.states().get(target.step());
            INDArray prediction = observableOf(state);
            INDArray gradient = Nd4j.zerosLike(prediction);
            temporaries.add(prediction);
            temporaries.add(gradient);
            INDArray values = loss.evaluate(prediction, observed, gradient);
            lossSum += target.weight() * values.sumNumber().doubleValue();
            if (measureDoNothing) {
                INDArray startObservable = observableOf(start);
                temporaries.add(startObservable);
                doNothing += target.weight()
                        * loss.evaluate(startObservable, observed, null).sumNumber().doubleValue();
            }
            INDArray full = Nd4j.zerosLike(state);
            full.get(obsIndex()).assign(gradient.muli(target.weight() * scale));
            stateGrads.put(target.step(), full);
        }
        NcaParameters blockGrads = NcaParameters.zeros(engine.config(), params.dataType());
        temporaries.add(engine.backward(params, rollout, stateGrads, blockGrads));
        temporaries.addAll(stateGrads.values());
        rollout.states().values().stream().filter(s -> s != rollout.finalState()).forEach(temporaries::add);
        NativeMemory.free(temporaries);
        return new BlockResult(lossSum, doNothing, blockGrads, rollout.finalState());
    }

    /** Adds {@code made} to the temporaries when it is a new array, not {@code source} itself. */
    private static INDArray owned(INDArray made, INDArray source, List<INDArray> temporaries) {
        if (made != source) {
            temporaries.add(made);
        }
        return made;
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What the engines are, e.g. {@code "stencil-gemm, stencil loops scalar"}. */
    public String engineDescription() {
        return allEngines.get(0).describe();
    }

    /** The name of the engine that runs (for {@code "auto"}: the engine it chose), e.g. {@code "fused"}. */
    public String engineName() {
        return allEngines.get(0).name();
    }

    /** Stops the worker threads and closes the engines, the loss and the schedule run it was given. */
    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
        allEngines.forEach(NcaEngine::close);
        loss.close();
        schedule.close();
    }

    /** Engine time per kind of work, summed over the worker engines, since the last reset. */
    public Map<EngineProfile.Section, Double> profile() {
        Map<EngineProfile.Section, Double> sum = new java.util.EnumMap<>(EngineProfile.Section.class);
        for (NcaEngine e : allEngines) {
            e.profile().seconds().forEach((k, v) -> sum.merge(k, v, Double::sum));
        }
        return sum;
    }

    /** Resets every worker engine's profile. */
    public void resetProfile() {
        allEngines.forEach(e -> e.profile().reset());
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
