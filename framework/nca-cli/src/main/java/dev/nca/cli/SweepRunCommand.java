package dev.nca.cli;

import dev.nca.runtime.sweep.LocalSweepRunner;
import dev.nca.runtime.sweep.PointLauncher;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nca sweep run SWEEP.toml}: runs a sweep's points on this machine, resumably. */
@Command(name = "run", description = {"Run every point of a sweep on this machine, --workers points at a time,"
        + " each in its own process training with cores / workers threads. Progress goes to standard error."
        + " Resumable: run it again after a kill or a failure and it skips finished points and starts failed or"
        + " half-written ones afresh (their files moved to attempts/). Prints the sweep folder."})
final class SweepRunCommand extends NcaSubcommand {

    @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep file (TOML).")
    private Path sweepFile;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1",
            description = "Points at a time, at most the cores (default: ${DEFAULT-VALUE}).")
    private int workers;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Folder holding the sweep folder (default: the sweep file's [sweep] output, else sweeps).")
    private Path output;

    @Override
    protected int run() throws Exception {
        SweepFiles.Prepared prepared;
        PointLauncher launcher;
        try (HostSession session = openHost()) {
            prepared = SweepFiles.prepare(sweepFile, output, session.extensions(), session.engines());
            launcher = session.injector().getInstance(PointLauncher.class);
        }
        int threads = LocalSweepRunner.threadsPerWorker(workers, Runtime.getRuntime().availableProcessors());
        LocalSweepRunner runner = new LocalSweepRunner(prepared.folder(), launcher, err());
        List<String> failed = runner.run(workers, threads);
        out().println(prepared.folder().root());
        out().flush();
        if (!failed.isEmpty()) {
            err().println("nca: " + failed.size() + " point(s) failed: " + String.join(", ", failed)
                    + "; see their state.json and logs/ in " + prepared.folder().root()
                    + "; run the command again to retry them");
            err().flush();
            return 1;
        }
        return 0;
    }
}
