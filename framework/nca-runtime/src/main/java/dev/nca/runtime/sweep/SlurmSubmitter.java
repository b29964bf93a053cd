package dev.nca.runtime.sweep;

import dev.nca.api.NcaException;
import dev.nca.support.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submits the points of a sweep that are neither done nor queued as one Slurm job array: writes
 * {@code slurm/array-K.txt} (the point of each array index, one per line) and
 * {@code slurm/array-K.sbatch}, runs {@code sbatch --parsable} and records the job id in
 * {@code slurm/jobs.json}. Each array task runs {@code nca sweep point SWEEP NAME} with the
 * distribution's own launcher, which must be reachable at the same path on the nodes (a shared
 * file system).
 */
public final class SlurmSubmitter {

    private final SweepFolder folder;
    private final Path launcher;

    /**
     * @param folder   the sweep folder, on a file system the nodes share
     * @param launcher the absolute path of {@code bin/nca}
     */
    public SlurmSubmitter(SweepFolder folder, Path launcher) {
        this.folder = folder;
        this.launcher = launcher;
    }

    /** The result of a submission: the job id (empty when nothing was left to submit) and its points. */
    public record Submission(Optional<String> job, List<String> points, Path script) {
    }

    public Submission submit(SlurmSettings settings) {
        Map<String, String> status = SweepStatus.of(folder, true);
        List<String> points = new ArrayList<>();
        status.forEach((name, s) -> {
            if (!s.equals(PointState.DONE) && !SweepStatus.inFlight(s)) {
                points.add(name);
            }
        });
        if (points.isEmpty()) {
            return new Submission(Optional.empty(), points, null);
        }
        Path dir = folder.root().toAbsolutePath().resolve("slurm");
        int k = SlurmJobs.read(folder).size();
        Path list = dir.resolve("array-" + k + ".txt");
        Path script = dir.resolve("array-" + k + ".sbatch");
        try {
            Files.createDirectories(dir.resolve("logs"));
            AtomicFiles.writeString(list, String.join("\n", points) + "\n");
            AtomicFiles.writeString(script, script(settings, points.size(), list, dir));
        } catch (IOException e) {
            throw new NcaException("cannot write the Slurm files in " + dir + ": " + e.getMessage(), e);
        }
        Commands.Output out = Commands.run(List.of("sbatch", "--parsable", script.toString()))
                .orElseThrow(() -> new NcaException("sbatch is not installed here: submit from a Slurm login node"
                        + " (the script is written: " + script + ")"));
        if (out.status() != 0) {
            throw new NcaException("sbatch " + script + " failed (status " + out.status() + "): " + out.err());
        }
        String job = out.out().split(";")[0].strip();
        if (!job.matches("[0-9]+")) {
            throw new NcaException("sbatch printed '" + out.out() + "' instead of a job id");
        }
        SlurmJobs.append(folder, new SlurmJobs.Job(job, points));
        return new Submission(Optional.of(job), points, script);
    }

    private String script(SlurmSettings s, int tasks, Path list, Path dir) {
        Path sweep = folder.root().toAbsolutePath();
        StringBuilder b = new StringBuilder("#!/bin/sh\n");
        b.append("# written by nca sweep submit: one array task per point listed in ").append(list.getFileName())
                .append('\n');
        b.append("#SBATCH --job-name=nca-").append(sweep.getFileName()).append('\n');
        b.append("#SBATCH --array=0-").append(tasks - 1).append(s.throttle().map(m -> "%" + m).orElse("")).append('\n');
        b.append("#SBATCH --output=").append(dir.resolve("logs")).append("/%A_%a.out\n");
        b.append("#SBATCH --chdir=").append(sweep).append('\n');
        b.append("#SBATCH --cpus-per-task=").append(s.cpus()).append('\n');
        s.partition().ifPresent(p -> b.append("#SBATCH --partition=").append(p).append('\n'));
        s.time().ifPresent(t -> b.append("#SBATCH --time=").append(t).append('\n'));
        s.memory().ifPresent(m -> b.append("#SBATCH --mem=").append(m).append('\n'));
        s.account().ifPresent(a -> b.append("#SBATCH --account=").append(a).append('\n'));
        b.append("set -eu\n");
        s.setup().forEach(line -> b.append(line).append('\n'));
        b.append("name=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" ").append(quote(list.toString())).append(")\n");
        b.append("exec ").append(quote(launcher.toString())).append(" sweep point ").append(quote(sweep.toString()))
                .append(" \"$name\" --threads \"${SLURM_CPUS_PER_TASK:-").append(s.cpus()).append("}\"\n");
        return b.toString();
    }

    /** A single-quoted shell word. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
