package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.runtime.sweep.PointRun;
import dev.nca.runtime.sweep.SweepFolder;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nca sweep point SWEEP_DIR NAME} (hidden): trains and evaluates one point into its folder;
 * what {@code nca sweep run} starts in a child process and each Slurm array task runs.
 */
@Command(name = "point", hidden = true, description = {"Train and evaluate one point of a prepared sweep folder."})
final class SweepPointCommand extends NcaSubcommand {

    @Parameters(index = "0", paramLabel = "SWEEP_DIR", description = "The sweep folder.")
    private Path sweep;

    @Parameters(index = "1", paramLabel = "NAME", description = "The point.")
    private String name;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "0",
            description = "Training threads (default: the recipe's).")
    private int threads;

    @Option(names = "--watch-parent", paramLabel = "PID",
            description = "Stop when this process ends (set by nca sweep run).")
    private Long parent;

    @Override
    protected int run() throws Exception {
        if (parent != null) {
            watch(parent);
        }
        SweepFolder folder = SweepFolder.open(sweep);
        Map<String, Object> result;
        try (HostSession session = openHost()) {
            result = session.injector().getInstance(PointRun.class).run(folder, name, threads);
        }
        out().println(new ObjectMapper().writeValueAsString(result));
        out().flush();
        return 0;
    }

    private static void watch(long pid) {
        Thread watcher = new Thread(() -> {
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
            Runtime.getRuntime().halt(3);
        }, "watch-parent");
        watcher.setDaemon(true);
        watcher.start();
    }
}
