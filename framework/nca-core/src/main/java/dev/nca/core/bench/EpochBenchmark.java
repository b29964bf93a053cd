package dev.nca.core.bench;

import dev.nca.api.Loss;
import dev.nca.api.MiniBatch;
import dev.nca.api.RandomSource;
import dev.nca.api.ScheduleRun;
import dev.nca.api.Target;
import dev.nca.core.engine.EngineFactory;
import dev.nca.core.engine.EngineProfile;
import dev.nca.core.engine.NcaEngine;
import java.util.Map;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import dev.nca.core.train.Trainer;
import dev.nca.core.train.TrainingOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * End-to-end epoch timer: trains on synthetic transitions of a given shape and reports the
 * median epoch time, nominal FLOPs and throughput. The data are random; only the shapes matter.
 */
public final class EpochBenchmark {

    /**
     * Measured numbers.
     *
     * @param secondsPerEpoch all measured epoch times, sorted
     * @param medianSeconds   median epoch time
     * @param flopsPerEpoch   nominal FLOPs: forward of every sample-step, times 3 for forward+backward
     * @param peakRssBytes    peak resident set size of this process (Linux), or -1
     * @param profile         engine seconds per kind of work, summed over the timed epochs
     * @param medianCpuSeconds median CPU time of the whole process per epoch (all threads), or NaN
     *                        where unavailable: unlike wall time it hardly changes when other
     *                        processes compete for the cores
     */
    public record Result(double[] secondsPerEpoch, double medianSeconds, double flopsPerEpoch, long peakRssBytes,
                         java.util.Map<dev.nca.core.engine.EngineProfile.Section, Double> profile,
                         double medianCpuSeconds) {
        public double gflops() {
            return flopsPerEpoch / medianSeconds / 1e9;
        }
    }

    private EpochBenchmark() {
    }

    /**
     * Runs {@code warmup + epochs} epochs of {@code samples} transitions of {@code steps} steps on
     * an S x S lattice, mini-batches of {@code minibatch}, and times the last {@code epochs}.
     */
    public static Result run(EngineFactory engines, NcaConfig config, int size, int samples, int steps, int minibatch,
                             TrainingOptions options, Loss loss, int warmup, int epochs) {
        DataType dtype = DataType.FLOAT;
        NcaParameters params = NcaParameters.initialise(config, dtype, new SplittableRandom(1), 1.0);
        INDArray starts = Nd4j.rand(dtype, samples, config.channels(), size, size);
        INDArray targets = Nd4j.rand(dtype, samples, config.observable(), size, size);
        ScheduleRun schedule = new ScheduleRun() {
            @Override
            public List<MiniBatch> planEpoch(int epoch) {
                List<MiniBatch> out = new ArrayList<>();
                for (int from = 0; from < samples; from += minibatch) {
                    int to = Math.min(samples, from + minibatch);
                    var idx = org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to);
                    out.add(new MiniBatch(starts.get(idx), steps, List.of(new Target(steps, targets.get(idx), 1.0)),
                            java.util.stream.IntStream.range(from, to).toArray()));
                }
                return out;
            }

            @Override
            public void accept(MiniBatch batch, INDArray finalStates) {
                // the benchmark does not propagate states
            }
        };
        double[] times = new double[epochs];
        double[] cpu = new double[epochs];
        Map<EngineProfile.Section, Double> profile;
        try (Trainer trainer = new Trainer(engines, config, size, params, loss, schedule, options, new RandomSource(1))) {
            for (int e = 0; e < warmup + epochs; e++) {
                if (e == warmup) {
                    trainer.resetProfile();
                }
                long cpu0 = processCpuNanos();
                double t = trainer.runEpoch(e).seconds();
                if (e >= warmup) {
                    times[e - warmup] = t;
                    cpu[e - warmup] = cpu0 < 0 ? Double.NaN : (processCpuNanos() - cpu0) / 1e9;
                }
            }
            profile = trainer.profile();
        }
        double median = median(times);
        double flops;
        try (NcaEngine engine = engines.create(config, size, dtype)) {
            flops = 3.0 * engine.forwardFlopsPerSampleStep() * samples * steps;
        }
        return new Result(times, median, flops, peakRss(), profile, median(cpu));
    }

    /** Sorts {@code values} and returns their median. */
    private static double median(double[] values) {
        Arrays.sort(values);
        return values.length % 2 == 1 ? values[values.length / 2]
                : 0.5 * (values[values.length / 2 - 1] + values[values.length / 2]);
    }

    /** CPU time of this process so far (all threads), or -1 where the JVM does not tell. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** VmHWM from /proc/self/status, or -1 where unavailable. */
    public static long peakRss() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
