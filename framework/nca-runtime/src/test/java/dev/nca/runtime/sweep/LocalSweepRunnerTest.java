package dev.nca.runtime.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.NcaException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs sweeps with real child processes ({@code sh}) standing in for {@code nca sweep point}. */
class LocalSweepRunnerTest {

    @TempDir
    Path dir;

    /** A child that writes a done state for points whose name contains "seed-1" and fails the others. */
    private static PointLauncher shell(Set<String> started, AtomicInteger concurrent, AtomicInteger peak) {
        return (sweep, name, threads, log) -> {
            started.add(name + "@" + threads);
            peak.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            String state = sweep.resolve("points").resolve(name).resolve("state.json").toString();
            String script = name.contains("seed-1")
                    ? "sleep 0.3; printf '{\"state\":\"done\",\"attempt\":1}' > '" + state + "'"
                    : "sleep 0.3; echo failing; exit 7";
            Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            p.onExit().thenRun(concurrent::decrementAndGet);
            return p;
        };
    }

    @Test
    void runsBoundedSkipsDonePointsAndRecordsFailures() throws Exception {
        SweepFolder folder = SweepFolderTest.prepare(dir, SweepFolderTest.SWEEP, dir.resolve("s"));
        Set<String> started = ConcurrentHashMap.newKeySet();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        StringWriter progress = new StringWriter();

        List<String> failed = new LocalSweepRunner(folder, shell(started, concurrent, peak), new PrintWriter(progress))
                .run(2, 1);

        assertThat(failed).containsExactlyInAnyOrder("t-8_seed-2", "t-16_seed-2");
        assertThat(started).hasSize(4).allMatch(s -> s.endsWith("@1"));
        assertThat(peak.get()).isBetween(1, 2);
        assertThat(folder.state("t-8_seed-2").orElseThrow().state()).isEqualTo(PointState.FAILED);
        assertThat(folder.state("t-8_seed-2").orElseThrow().message()).contains("status 7");
        assertThat(progress.toString()).contains("4 points, 0 done, 4 to run, 2 at a time with 1 threads each",
                "2/4 done, 2 failed");

        started.clear();
        List<String> again = new LocalSweepRunner(folder, shell(started, concurrent, peak),
                new PrintWriter(new StringWriter())).run(1, 2);

        assertThat(started).containsExactlyInAnyOrder("t-8_seed-2@2", "t-16_seed-2@2");
        assertThat(again).containsExactlyInAnyOrder("t-8_seed-2", "t-16_seed-2");
    }

    @Test
    void workersTimesThreadsFitTheCores() {
        assertThat(LocalSweepRunner.threadsPerWorker(1, 8)).isEqualTo(8);
        assertThat(LocalSweepRunner.threadsPerWorker(3, 8)).isEqualTo(2);
        assertThat(LocalSweepRunner.threadsPerWorker(2, 2)).isEqualTo(1);
        assertThatThrownBy(() -> LocalSweepRunner.threadsPerWorker(3, 2)).isInstanceOf(NcaException.class)
                .hasMessageContaining("give 1 to 2");
        assertThatThrownBy(() -> LocalSweepRunner.threadsPerWorker(0, 2)).isInstanceOf(NcaException.class);
    }
}
