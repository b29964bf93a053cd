package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nca.api.Boundary;
import dev.nca.api.ExtensionContext;
import dev.nca.api.Loss;
import dev.nca.api.Params;
import dev.nca.api.RandomSource;
import dev.nca.core.bench.EpochBenchmark;
import dev.nca.core.bench.MatmulPeak;
import dev.nca.core.engine.EngineFactory;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.train.LearningRateSchedule;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.train.TrainingOptions;
import dev.nca.runtime.experiment.BackendInfo;
import dev.nca.runtime.plugin.Extensions;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nca bench}: times training epochs on synthetic data of a given shape (default: the
 * paper's Gray-Scott configuration) and the machine's sgemm peak, and prints a JSON report.
 */
@Command(name = "bench", description = {"Time training epochs on synthetic transitions (default: 64 transitions"
        + " x 32 steps, S=64, C=8, id-lap, relu, H=32, float32) and the machine's matmul peak; prints JSON."})
final class BenchCommand extends NcaSubcommand {

    @Option(names = "--size", defaultValue = "64", description = "Lattice side S (default ${DEFAULT-VALUE}).")
    private int size;
    @Option(names = "--samples", defaultValue = "64", description = "Transitions per epoch (default ${DEFAULT-VALUE}).")
    private int samples;
    @Option(names = "--steps", defaultValue = "32", description = "NCA steps per transition (default ${DEFAULT-VALUE}).")
    private int steps;
    @Option(names = "--channels", defaultValue = "8", description = "Channels C (default ${DEFAULT-VALUE}).")
    private int channels;
    @Option(names = "--observable", defaultValue = "2", description = "Observable channels (default ${DEFAULT-VALUE}).")
    private int observable;
    @Option(names = "--hidden", defaultValue = "0", description = "Hidden units H (default 4C).")
    private int hidden;
    @Option(names = "--kernels", defaultValue = "id-lap", description = "Kernel set (default ${DEFAULT-VALUE}).")
    private String kernels;
    @Option(names = "--activation", defaultValue = "relu", description = "Activation (default ${DEFAULT-VALUE}).")
    private String activation;
    @Option(names = "--update-probability", defaultValue = "1.0", description = "q (default ${DEFAULT-VALUE}).")
    private double updateProbability;
    @Option(names = "--boundary", defaultValue = "periodic", description = "periodic, zero or reflect.")
    private String boundary;
    @Option(names = "--minibatch", defaultValue = "64", description = "Samples per mini-batch (default ${DEFAULT-VALUE}).")
    private int minibatch;
    @Option(names = "--block", defaultValue = "4", description = "Samples per rollout block (default ${DEFAULT-VALUE}).")
    private int block;
    @Option(names = "--threads", defaultValue = "0", description = "Worker threads, 0 = all cores.")
    private int threads;
    @Option(names = "--warmup", defaultValue = "2", description = "Untimed epochs (default ${DEFAULT-VALUE}).")
    private int warmup;
    @Option(names = "--epochs", defaultValue = "10", description = "Timed epochs (default ${DEFAULT-VALUE}).")
    private int epochs;
    @Option(names = "--tape-memory", defaultValue = "unlimited", paramLabel = "SIZE",
            description = "Tape budget per worker, e.g. 512m: longer rollouts are checkpointed (default ${DEFAULT-VALUE}).")
    private String tapeMemory;
    @Option(names = "--no-peak", description = "Skip the sgemm peak measurement.")
    private boolean noPeak;
    @Option(names = "--engine", split = ",", paramLabel = "NAME", defaultValue = "auto",
            description = "Engines to time, comma-separated, side by side in this one run (e.g."
                    + " stencil-gemm,nd4j-reference); ratios are relative to the first (default: the default engine).")
    private List<String> engineNames;

    private long parseTapeMemory() {
        try {
            return dev.nca.runtime.recipe.MemorySize.parse(tapeMemory);
        } catch (IllegalArgumentException e) {
            throw new dev.nca.api.NcaException("--tape-memory: " + e.getMessage());
        }
    }

    @Override
    protected int run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        try (HostSession session = openHost()) {
            Extensions ext = session.extensions();
            var kernelSet = ext.kernelSets().lookup(kernels, "--kernels");
            var act = ext.activations().lookup(activation, "--activation");
            var lossFn = ext.lossFunctions().lookup("euclidean", "the benchmark loss");
            NcaConfig config = new NcaConfig(channels, observable, hidden > 0 ? hidden : 4 * channels, false,
                    kernelSet.kernels(Params.validate(kernelSet.parameters(), Map.of(), "--kernels")), act,
                    Boundary.valueOf(boundary.toUpperCase(java.util.Locale.ROOT)), updateProbability, MaskMode.CELL);
            Loss loss = lossFn.create(Params.validate(lossFn.parameters(), Map.of(), "loss"),
                    new ExtensionContext(new RandomSource(1), DataType.FLOAT));
            TrainingOptions options = new TrainingOptions(LearningRateSchedule.constant(1e-3), 0.9, 0.999, 1e-7,
                    true, block, threads, parseTapeMemory());
            List<Map<String, Object>> results = new ArrayList<>();
            double firstMedian = Double.NaN;
            double firstCpu = Double.NaN;
            for (String name : engineNames) {
                EngineFactory factory = session.engines().get(name, "--engine");
                var r = EpochBenchmark.run(factory, config, size, samples, steps, minibatch, options, loss, warmup,
                        epochs);
                firstMedian = results.isEmpty() ? r.medianSeconds() : firstMedian;
                firstCpu = results.isEmpty() ? r.medianCpuSeconds() : firstCpu;
                Map<String, Object> one = new LinkedHashMap<>();
                try (NcaEngine engine = factory.create(config, size, DataType.FLOAT)) {
                    one.put("engine", engine.name());
                    one.put("details", engine.describe());
                }
                one.put("median_seconds_per_epoch", r.medianSeconds());
                one.put("relative_to_first", r.medianSeconds() / firstMedian);
                one.put("seconds_per_epoch", r.secondsPerEpoch());
                one.put("median_cpu_seconds_per_epoch", r.medianCpuSeconds());
                one.put("cpu_relative_to_first", r.medianCpuSeconds() / firstCpu);
                one.put("gflop_per_epoch", r.flopsPerEpoch() / 1e9);
                one.put("gflops", r.gflops());
                one.put("profile_seconds", r.profile());
                one.put("peak_rss_mb_so_far", r.peakRssBytes() >> 20);
                results.add(one);
            }
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("size", size);
            shape.put("samples", samples);
            shape.put("steps", steps);
            shape.put("channels", channels);
            shape.put("hidden", config.hidden());
            shape.put("kernels", config.kernels().names());
            shape.put("activation", activation);
            shape.put("minibatch", minibatch);
            shape.put("block", block);
            shape.put("threads", threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
            shape.put("tape_memory", tapeMemory);
            report.put("shape", shape);
            report.put("engines", results);
            report.put("peak_rss_mb", EpochBenchmark.peakRss() >> 20);
            if (!noPeak) {
                double peak = MatmulPeak.measure(2048, 5);
                report.put("sgemm_peak_gflops", peak);
                for (Map<String, Object> one : results) {
                    one.put("fraction_of_peak", ((Number) one.get("gflops")).doubleValue() / peak);
                }
            }
        }
        report.put("machine", BackendInfo.describe());
        out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        out().flush();
        return 0;
    }
}
