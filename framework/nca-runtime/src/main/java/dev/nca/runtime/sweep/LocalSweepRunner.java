package dev.nca.runtime.sweep;

import dev.nca.api.NcaException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the unfinished points of a sweep on this machine, {@code workers} child processes at a
 * time, each training with {@code threads} threads. Points already done are skipped; points that
 * failed or were left half-written by a killed run start afresh (their files moved aside, see
 * {@link SweepFolder#startAttempt}). Progress goes to the given writer (standard error), one
 * line per finished point. A lock file keeps two runs from working on one sweep folder at once.
 */
public final class LocalSweepRunner {

    private final SweepFolder folder;
    private final PointLauncher launcher;
    private final PrintWriter progress;

    public LocalSweepRunner(SweepFolder folder, PointLauncher launcher, PrintWriter progress) {
        this.folder = folder;
        this.launcher = launcher;
        this.progress = progress;
    }

    /** The split of {@code cores} into workers x threads: workers at most the cores, threads = cores / workers. */
    public static int threadsPerWorker(int workers, int cores) {
        if (workers < 1 || workers > cores) {
            throw new NcaException("--workers " + workers + ": give 1 to " + cores + " (the cores of this machine;"
                    + " each point trains with cores / workers threads)");
        }
        return Math.max(1, cores / workers);
    }

    /**
     * Runs every point not yet done.
     *
     * @return the names of the points that failed in this run (empty when all are done)
     */
    public List<String> run(int workers, int threads) throws InterruptedException {
        Path lockFile = folder.root().resolve(".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new NcaException("another nca sweep run is working on " + folder.root() + "; wait for it or"
                        + " stop it first");
            }
            return runLocked(workers, threads);
        } catch (IOException e) {
            throw new NcaException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private List<String> runLocked(int workers, int threads) throws InterruptedException {
        List<String> all = folder.pointNames();
        List<String> todo = new ArrayList<>();
        for (String name : all) {
            if (folder.needsWork(name)) {
                todo.add(name);
            }
        }
        int total = all.size();
        AtomicInteger done = new AtomicInteger(total - todo.size());
        AtomicInteger failed = new AtomicInteger();
        progress.printf("sweep %s: %d points, %d done, %d to run, %d at a time with %d threads each%n",
                folder.root(), total, done.get(), todo.size(), workers, threads);
        progress.flush();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String name : todo) {
                futures.add(pool.submit(() -> {
                    boolean ok = runPoint(name, threads);
                    int d = ok ? done.incrementAndGet() : done.get();
                    int f = ok ? failed.get() : failed.incrementAndGet();
                    if (!ok) {
                        failures.add(name);
                    }
                    synchronized (progress) {
                        progress.printf("sweep: %s %s; %d/%d done, %d failed%n", name, ok ? "done" : "FAILED", d, total,
                                f);
                        progress.flush();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new NcaException("running the sweep failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return failures;
    }

    /** Runs one point in a child process; true when its state says done afterwards. */
    private boolean runPoint(String name, int threads) throws IOException, InterruptedException {
        Path log = folder.root().resolve("logs").resolve(name + ".log");
        Files.createDirectories(log.getParent());
        Process process = launcher.start(folder.root(), name, threads, log);
        try {
            int status = process.waitFor();
            Optional<PointState> state = folder.state(name);
            if (state.isPresent() && state.get().done()) {
                return !folder.evaluationIsStale(state.get());
            }
            if (state.isEmpty() || PointState.RUNNING.equals(state.get().state())) {
                folder.writeState(name, new PointState(PointState.FAILED, state.map(PointState::attempt).orElse(1),
                        state.map(PointState::host).orElse(""), "the point's process ended with status " + status
                        + " without finishing; see " + log, null));
            }
            return false;
        } finally {
            process.destroyForcibly();
        }
    }
}
