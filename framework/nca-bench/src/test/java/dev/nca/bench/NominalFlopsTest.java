package dev.nca.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FLOP counts against hand calculations, and the report's arithmetic on a small JMH file. */
class NominalFlopsTest {

    private static final Map<String, String> PAPER = Map.of("shape", "paper", "size", "64", "block", "4", "steps", "32");
    private static final Map<String, String> LARGE = Map.of("shape", "large", "size", "64", "block", "4", "steps", "32");

    // per cell and step: 2 x taps x C (perception) + 2 (CK H + H C) (MLP) + 3C (update)
    // paper: taps 1 + 9 = 10, C 8, K 2, H 32: 160 + 2 (512 + 256) + 24 = 1720
    // large: taps 1 + 6 + 6 + 9 = 22, C 16, K 4, H 64: 704 + 2 (4096 + 1024) + 48 = 10992
    private static final double PAPER_CELL = 1720;
    private static final double LARGE_CELL = 10992;
    private static final double CELLS = 4 * 64 * 64;

    private static double flops(String benchmark, Map<String, String> params) {
        return NominalFlops.perOperation(benchmark, params).orElseThrow();
    }

    @Test
    void engineBenchmarksCountTheForwardStepAsNcaBenchDoes() {
        assertThat(flops("ForwardStepBenchmark.forwardStep", PAPER)).isEqualTo(CELLS * PAPER_CELL);
        assertThat(flops("dev.nca.bench.ForwardStepBenchmark.forwardStep", LARGE)).isEqualTo(CELLS * LARGE_CELL);
        assertThat(flops("RolloutBenchmark.rolloutWithTape", PAPER)).isEqualTo(32 * CELLS * PAPER_CELL);
        assertThat(flops("RolloutBenchmark.rolloutAndBackward", LARGE)).isEqualTo(3 * 32 * CELLS * LARGE_CELL);
        // nca bench's epoch: 64 samples x 32 steps x 3 = 43.3 GFLOP (docs/performance.md)
        assertThat(flops("RolloutBenchmark.rolloutAndBackward", PAPER) * 16 / 1e9).isCloseTo(43.3, within(0.05));
    }

    @Test
    void gemmBenchmarksCountTwoMnk() {
        assertThat(flops("WeightGradientGemmBenchmark.hiddenToChannel", PAPER)).isEqualTo(2.0 * 32 * CELLS * 8);
        assertThat(flops("WeightGradientGemmBenchmark.perceptionToHidden", LARGE)).isEqualTo(2.0 * 64 * CELLS * 64);
        assertThat(flops("SgemmPeakBenchmark.sgemm", Map.of("n", "1024"))).isEqualTo(2.0 * 1024 * 1024 * 1024);
        assertThat(NominalFlops.perOperation("Other.method", PAPER)).isEmpty();
    }

    @Test
    void reportConvertsUnitsAndRelatesToThePeak(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("results.json");
        Files.writeString(json, """
                [
                  {"benchmark": "dev.nca.bench.SgemmPeakBenchmark.sgemm", "mode": "avgt",
                   "params": {"n": "1000"},
                   "primaryMetric": {"score": 20.0, "scoreError": 1.0, "scoreUnit": "ms/op",
                                     "rawData": [[19.0, 21.5, 19.5]]}},
                  {"benchmark": "dev.nca.bench.WeightGradientGemmBenchmark.hiddenToChannel", "mode": "thrpt",
                   "params": {"shape": "paper", "size": "64", "block": "4"},
                   "primaryMetric": {"score": 2.0, "scoreError": 0.1, "scoreUnit": "ops/ms"}}
                ]
                """);
        List<GflopsReport.Row> rows = GflopsReport.read(json);
        // 2e9 FLOP in 20 ms: 100 GFLOP/s
        assertThat(rows.get(0).gflops().orElseThrow()).isCloseTo(100.0, within(1e-9));
        // 2 x 32 x 16384 x 8 FLOP in 0.5 ms: 16.777216 GFLOP/s
        assertThat(rows.get(1).gflops().orElseThrow()).isCloseTo(16.777216, within(1e-9));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GflopsReport.print(rows, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("| SgemmPeakBenchmark.sgemm | n=1000 | 20.0 ms/op (19.0 - 21.5) | 2.00 | 100 | 100 % |");
        assertThat(table).contains("| WeightGradientGemmBenchmark.hiddenToChannel | block=4, shape=paper, size=64 "
                + "| 2.00 ops/ms | 0.00839 | 16.8 | 17 % |");
    }
}
