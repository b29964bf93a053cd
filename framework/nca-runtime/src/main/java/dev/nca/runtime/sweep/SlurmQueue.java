package dev.nca.runtime.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Slurm says about a sweep's array tasks: {@code squeue} for pending and running tasks and,
 * where accounting is on, {@code sacct} for finished ones. Either may be missing or disabled; the
 * points' own state files remain the truth (see {@link SweepStatus}).
 */
final class SlurmQueue {

    private SlurmQueue() {
    }

    /**
     * @return point name to Slurm state (e.g. {@code PENDING}, {@code RUNNING}, {@code COMPLETED},
     *         {@code FAILED}) for the tasks Slurm knows, the latest submission winning; empty when
     *         there are no jobs or squeue cannot be asked (not installed, controller down)
     */
    static Optional<Map<String, String>> states(List<SlurmJobs.Job> jobs) {
        Map<String, String> states = new HashMap<>();
        if (jobs.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = jobs.stream().map(SlurmJobs.Job::id).toList();
        Map<String, String> byTask = new HashMap<>();
        List<String> sacct = new ArrayList<>(List.of("sacct", "-n", "-P", "-X", "-o", "JobID,State", "-j"));
        sacct.add(String.join(",", ids));
        Commands.run(sacct).filter(o -> o.status() == 0).ifPresent(o -> parse(o.out(), byTask));
        List<String> squeue = new ArrayList<>(List.of("squeue", "-h", "-r", "-o", "%i|%T", "-j"));
        squeue.add(String.join(",", ids));
        Optional<Commands.Output> queue = Commands.run(squeue).filter(o -> o.status() == 0);
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        parse(queue.get().out(), byTask);
        for (SlurmJobs.Job job : jobs) {
            for (int i = 0; i < job.points().size(); i++) {
                String point = job.points().get(i);
                Optional.ofNullable(byTask.get(job.id() + "_" + i)).ifPresent(s -> states.put(point, s));
            }
        }
        return Optional.of(states);
    }

    /** Lines {@code JOB_INDEX|STATE}; later lines win (squeue after sacct). */
    private static void parse(String text, Map<String, String> byTask) {
        for (String line : text.split("\n")) {
            String[] parts = line.strip().split("\\|");
            if (parts.length == 2 && parts[0].matches("[0-9]+_[0-9]+")) {
                byTask.put(parts[0], parts[1].strip().split(" ")[0]);
            }
        }
    }
}
