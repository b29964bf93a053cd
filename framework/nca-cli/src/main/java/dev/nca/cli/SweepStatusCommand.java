package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.runtime.sweep.SweepFolder;
import dev.nca.runtime.sweep.SweepStatus;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nca sweep status SWEEP_DIR}: the state of every point. */
@Command(name = "status", description = {"List the points of a sweep folder as done, failed, running, pending"
        + " (queued in Slurm), lost (started, but its Slurm task ended without finishing) or missing. The points'"
        + " own state files are the truth; squeue and sacct are asked about submitted job arrays when installed."})
final class SweepStatusCommand extends NcaSubcommand {

    @Parameters(index = "0", paramLabel = "SWEEP_DIR", description = "The sweep folder.")
    private Path sweep;

    @Option(names = "--json", description = "Print JSON: counts and each point's status.")
    private boolean json;

    @Override
    protected int run() throws Exception {
        Map<String, String> status = SweepStatus.of(SweepFolder.open(sweep), true);
        Map<String, Integer> counts = new TreeMap<>();
        status.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("sweep", sweep.toString());
            out.put("counts", counts);
            out.put("points", status);
            out().println(new ObjectMapper().writeValueAsString(out));
        } else {
            status.forEach((name, s) -> out().printf("%-8s %s%n", s, name));
            out().println(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .reduce((a, b) -> a + ", " + b).orElse("no points"));
        }
        out().flush();
        return 0;
    }
}
