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
            return new CountedProcess(p, concurrent);
        };
    }

    /**
     * A child that leaves the count of running children when the runner has seen it end
     * (waitFor returned), so the count cannot lag behind the runner (as an onExit callback can).
     */
    private static final class CountedProcess extends Process {
        private final Process inner;
        private final AtomicInteger running;
        private final java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean();

        CountedProcess(Process inner, AtomicInteger running) {
            this.inner = inner;
            this.running = running;
        }

        @Override
        public int waitFor() throws InterruptedException {
            int status = inner.waitFor();
            if (counted.compareAndSet(false, true)) {
                running.decrementAndGet();
            }
            return status;
        }

        @Override
        public java.io.OutputStream getOutputStream() {
            return inner.getOutputStream();
        }

        @Override
        public java.io.InputStream getInputStream() {
            return inner.getInputStream();
        }

        @Override
        public java.io.InputStream getErrorStream() {
            return inner.getErrorStream();
        }

        @Override
        public int exitValue() {
            return inner.exitValue();
        }

        @Override
        public void destroy() {
            inner.destroy();
        }

        @Override
        public Process destroyForcibly() {
            inner.destroyForcibly();
            return this;
        }
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
