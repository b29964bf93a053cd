package dev.nca.cli;

import dev.nca.api.NcaException;
import dev.nca.runtime.sweep.SlurmSettings;
import dev.nca.runtime.sweep.SlurmSubmitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nca sweep submit SWEEP.toml --executor slurm}: submits the missing points as a Slurm job array. */
@Command(name = "submit", description = {"Submit the points of a sweep that are neither done nor queued as one"
        + " Slurm job array (one array task per point, running this distribution's bin/nca sweep point). The sweep"
        + " folder and the distribution must be on a file system the nodes share. Resource options override the"
        + " sweep file's [slurm] table. Prints the job id (nothing when every point is done or queued)."})
final class SweepSubmitCommand extends NcaSubcommand {

    @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep file (TOML).")
    private Path sweepFile;

    @Option(names = "--executor", paramLabel = "NAME", required = true,
            description = "Where the points run: slurm (the only one so far; nca sweep run runs locally).")
    private String executor;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Folder holding the sweep folder (default: the sweep file's [sweep] output, else sweeps).")
    private Path output;

    @Option(names = "--partition", paramLabel = "NAME", description = "sbatch --partition.")
    private String partition;

    @Option(names = "--time", paramLabel = "LIMIT", description = "sbatch --time per point, e.g. 02:00:00.")
    private String time;

    @Option(names = "--mem", paramLabel = "SIZE", description = "sbatch --mem per point, e.g. 4G.")
    private String memory;

    @Option(names = "--cpus", paramLabel = "N", description = "sbatch --cpus-per-task; also the training threads.")
    private Integer cpus;

    @Option(names = "--throttle", paramLabel = "M", description = "At most M points at once (--array=0-N%%M).")
    private Integer throttle;

    @Option(names = "--account", paramLabel = "NAME", description = "sbatch --account.")
    private String account;

    @Override
    protected int run() throws Exception {
        if (!executor.equals("slurm")) {
            throw new NcaException("--executor " + executor + ": the executors are: slurm (use nca sweep run to run"
                    + " on this machine)");
        }
        if (cpus != null && cpus < 1 || throttle != null && throttle < 1) {
            throw new NcaException("--cpus and --throttle must be at least 1");
        }
        String home = System.getProperty("nca.home");
        Path launcher = home == null ? null : Path.of(home, "bin", "nca").toAbsolutePath();
        if (launcher == null || !Files.isExecutable(launcher)) {
            throw new NcaException("nca sweep submit must be run through the distribution's bin/nca (the array tasks"
                    + " run it on the nodes); nca.home is " + home);
        }
        SweepFiles.Prepared prepared;
        try (HostSession session = openHost()) {
            prepared = SweepFiles.prepare(sweepFile, output, session.extensions(), session.engines());
        }
        SlurmSettings settings = prepared.spec().slurm().overriddenBy(Optional.ofNullable(partition),
                Optional.ofNullable(time), Optional.ofNullable(memory), Optional.ofNullable(cpus),
                Optional.ofNullable(throttle), Optional.ofNullable(account));
        SlurmSubmitter.Submission submission = new SlurmSubmitter(prepared.folder(), launcher).submit(settings);
        if (submission.job().isEmpty()) {
            err().println("sweep " + prepared.folder().root() + ": every point is done or queued; nothing submitted");
        } else {
            err().println("sweep " + prepared.folder().root() + ": submitted " + submission.points().size()
                    + " point(s) as job array " + submission.job().get() + " (" + submission.script() + ")");
            out().println(submission.job().get());
        }
        err().flush();
        out().flush();
        return 0;
    }
}
