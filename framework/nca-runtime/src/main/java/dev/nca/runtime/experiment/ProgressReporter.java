package dev.nca.runtime.experiment;

import dev.nca.core.train.EpochResult;
import java.io.PrintStream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows training progress: a one-line bar redrawn on a terminal, or an INFO log line about every
 * 5% of the run when output goes to a file or pipe.
 */
public final class ProgressReporter implements TrainingProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

    private final long first;
    private final long total;
    private final boolean terminal;
    private final PrintStream out;
    private final long logEvery;
    private final long startNanos = System.nanoTime();
    private double best = Double.POSITIVE_INFINITY;

    /**
     * @param first    the 0-based epoch this run starts at (0, or the epoch after a resumed checkpoint's)
     * @param total    the epoch count the run ends at (the recipe's epochs), > first
     * @param terminal whether to draw a bar (true only when {@code out} is a terminal)
     * @param out      where the bar goes (stderr)
     */
    public ProgressReporter(long first, long total, boolean terminal, PrintStream out) {
        if (first < 0 || total <= first) {
            throw new IllegalArgumentException("need 0 <= first < total, got " + first + " and " + total);
        }
        this.first = first;
        this.total = total;
        this.terminal = terminal;
        this.out = out;
        this.logEvery = Math.max(1, (total - first) / 20);
    }

    /**
     * A reporter on standard error.
     *
     * @param bar draw a bar (only when standard error is a terminal); otherwise log lines
     */
    public static ProgressReporter onStandardError(long first, long total, boolean bar) {
        return new ProgressReporter(first, total, bar, System.err);
    }

    @Override
    public void update(EpochResult r) {
        best = Math.min(best, r.loss());
        long done = r.epoch() + 1;
        long inRun = Math.max(1, done - first);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double eta = elapsed / inRun * Math.max(0, total - done);
        String stats = String.format(Locale.ROOT, "epoch %d/%d  loss %.4g  lowest %.4g  %.2f s/epoch  eta %s", done, total,
                r.loss(), best, elapsed / inRun, duration(eta));
        if (terminal) {
            int width = 30;
            int filled = (int) Math.min(width, width * inRun / (total - first));
            out.print("\r[" + "=".repeat(filled) + " ".repeat(width - filled) + "] " + stats + "   ");
            if (done == total) {
                out.println();
            }
            out.flush();
        } else if (inRun == 1 || inRun % logEvery == 0 || done == total) {
            LOG.info(stats);
        }
    }

    /** Ends the bar's line early (e.g. when the run stops with an error). */
    @Override
    public void interrupt() {
        if (terminal) {
            out.println();
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
