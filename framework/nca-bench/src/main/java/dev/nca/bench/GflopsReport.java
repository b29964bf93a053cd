package dev.nca.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff results.json}) into a Markdown table of time
 * per operation (JMH's mean, and the range over the measured iterations), nominal GFLOP per
 * operation ({@link NominalFlops}), achieved GFLOP/s from the mean, and its fraction of the sgemm
 * peak measured in the same file by {@link SgemmPeakBenchmark}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.nca.bench.GflopsReport results.json}
 */
public final class GflopsReport {

    /**
     * One benchmark result.
     *
     * @param score      JMH's score (mean over iterations), in {@code unit}
     * @param iterations the measured iterations' scores over all forks, in {@code unit}
     */
    record Row(String benchmark, Map<String, String> params, double score, double[] iterations, String unit,
               double secondsPerOp, OptionalDouble flops) {

        OptionalDouble gflops() {
            return flops.isPresent() ? OptionalDouble.of(flops.getAsDouble() / secondsPerOp / 1e9)
                    : OptionalDouble.empty();
        }

        boolean isPeak() {
            return benchmark.endsWith("SgemmPeakBenchmark.sgemm");
        }
    }

    private GflopsReport() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp benchmarks.jar dev.nca.bench.GflopsReport <jmh-results.json>");
            System.exit(2);
        }
        try {
            print(read(Path.of(args[0])), System.out);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot report on " + args[0] + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /** The rows of a JMH JSON result file. */
    static List<Row> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of JMH results (written with -rf json)");
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode result : root) {
            String benchmark = result.path("benchmark").asText();
            Map<String, String> params = new TreeMap<>();
            result.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode metric = result.path("primaryMetric");
            double score = metric.path("score").asDouble();
            double[] iterations = StreamSupport.stream(metric.path("rawData").spliterator(), false)
                    .flatMap(fork -> StreamSupport.stream(fork.spliterator(), false))
                    .mapToDouble(JsonNode::asDouble).toArray();
            String unit = metric.path("scoreUnit").asText();
            rows.add(new Row(benchmark, params, score, iterations, unit, secondsPerOperation(score, unit),
                    NominalFlops.perOperation(benchmark, params)));
        }
        return rows;
    }

    /** Seconds per operation from a JMH score in time per operation or operations per time. */
    static double secondsPerOperation(double score, String unit) {
        String[] parts = unit.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("unknown score unit '" + unit + "'");
        }
        if (parts[1].equals("op")) {
            return score * seconds(parts[0], unit);
        }
        if (parts[0].equals("ops")) {
            return seconds(parts[1], unit) / score;
        }
        throw new IllegalArgumentException("unknown score unit '" + unit + "'");
    }

    private static double seconds(String timeUnit, String unit) {
        return switch (timeUnit) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1.0;
            case "min" -> 60.0;
            default -> throw new IllegalArgumentException("unknown time unit '" + timeUnit + "' in '" + unit + "'");
        };
    }

    /** Prints the Markdown table. */
    static void print(List<Row> rows, PrintStream out) {
        OptionalDouble peak = rows.stream().filter(Row::isPeak).map(Row::gflops)
                .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).max();
        out.println("| benchmark | parameters | time per op (iterations: min - max) | GFLOP per op | GFLOP/s "
                + "| of sgemm peak |");
        out.println("|---|---|---|---|---|---|");
        for (Row r : rows) {
            OptionalDouble g = r.gflops();
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", shortName(r.benchmark()), parameters(r.params()),
                    format(r.score()) + " " + r.unit() + range(r.iterations()),
                    r.flops().isPresent() ? format(r.flops().getAsDouble() / 1e9) : "-",
                    g.isPresent() ? format(g.getAsDouble()) : "-",
                    g.isPresent() && peak.isPresent() ? String.format(Locale.ROOT, "%.0f %%",
                            100 * g.getAsDouble() / peak.getAsDouble()) : "-");
        }
    }

    /** " (min - max)" of the iterations, or nothing without raw data. */
    private static String range(double[] iterations) {
        if (iterations.length == 0) {
            return "";
        }
        double min = Arrays.stream(iterations).min().orElseThrow();
        double max = Arrays.stream(iterations).max().orElseThrow();
        return " (" + format(min) + " - " + format(max) + ")";
    }

    /** {@code Class.method} of a fully qualified benchmark name. */
    static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        return method < 0 ? benchmark : benchmark.substring(benchmark.lastIndexOf('.', method - 1) + 1);
    }

    private static String parameters(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    /** Three significant digits, without exponent for the magnitudes seen here. */
    static String format(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return String.valueOf(v);
        }
        int digits = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(v))));
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
