package dev.nca.bench;

import dev.nca.core.engine.NcaEngine;
import dev.nca.core.engine.StencilGemmEngineFactory;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Nominal floating-point operations of one operation of each benchmark, counted as
 * {@code nca bench} counts them: the engine's {@link NcaEngine#forwardFlopsPerSampleStep()} per
 * sample and step, three times that for forward plus backward, and 2 m n k for a GEMM. Work the
 * engine does beyond the model's arithmetic (layout copies, activation derivative) is not counted.
 */
public final class NominalFlops {

    private NominalFlops() {
    }

    /**
     * FLOPs of one operation.
     *
     * @param benchmark the benchmark method, {@code "RolloutBenchmark.rolloutWithTape"} or its fully
     *                  qualified form as JMH reports it
     * @param params    the benchmark's parameters as JMH reports them (name to value)
     * @return the count, or empty for a benchmark this class does not know
     */
    public static OptionalDouble perOperation(String benchmark, Map<String, String> params) {
        String[] parts = benchmark.split("\\.");
        if (parts.length < 2) {
            return OptionalDouble.empty();
        }
        String key = parts[parts.length - 2] + "." + parts[parts.length - 1];
        return switch (key) {
            case "ForwardStepBenchmark.forwardStep" -> OptionalDouble.of(block(params) * forward(params));
            case "RolloutBenchmark.rolloutWithTape" ->
                    OptionalDouble.of(integer(params, "steps") * block(params) * forward(params));
            case "RolloutBenchmark.rolloutAndBackward" ->
                    OptionalDouble.of(3.0 * integer(params, "steps") * block(params) * forward(params));
            case "WeightGradientGemmBenchmark.hiddenToChannel" -> {
                ModelShape s = shape(params);
                yield OptionalDouble.of(2.0 * s.hidden() * cells(params) * s.channels());
            }
            case "WeightGradientGemmBenchmark.perceptionToHidden" -> {
                ModelShape s = shape(params);
                yield OptionalDouble.of(2.0 * s.channels() * s.kernelCount() * cells(params) * s.hidden());
            }
            case "TileKernelBenchmark.projectForward", "TileKernelBenchmark.projectBackward",
                    "TileKernelBenchmark.accumulateOuter" -> {
                ModelShape s = shape(params);
                yield OptionalDouble.of(2.0 * s.channels() * s.kernelCount() * s.hidden() * integer(params, "tile"));
            }
            case "SgemmPeakBenchmark.sgemm" -> {
                double n = integer(params, "n");
                yield OptionalDouble.of(2.0 * n * n * n);
            }
            default -> OptionalDouble.empty();
        };
    }

    /** The engine's nominal forward FLOPs of one sample and step. */
    private static double forward(Map<String, String> params) {
        try (NcaEngine engine = new StencilGemmEngineFactory().create(shape(params).config(new BenchRelu()),
                integer(params, "size"), EngineFixture.DTYPE)) {
            return engine.forwardFlopsPerSampleStep();
        }
    }

    private static double cells(Map<String, String> params) {
        double size = integer(params, "size");
        return block(params) * size * size;
    }

    private static double block(Map<String, String> params) {
        return integer(params, "block");
    }

    private static ModelShape shape(Map<String, String> params) {
        return ModelShape.parse(value(params, "shape"));
    }

    private static int integer(Map<String, String> params, String name) {
        String v = value(params, name);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("benchmark parameter '" + name + "' must be an integer, got '" + v + "'",
                    e);
        }
    }

    private static String value(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the result has no benchmark parameter '" + name + "'; it has "
                    + params.keySet());
        }
        return v;
    }
}
