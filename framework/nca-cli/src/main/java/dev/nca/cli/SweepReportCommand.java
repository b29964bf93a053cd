package dev.nca.cli;

import dev.nca.runtime.sweep.SweepFolder;
import dev.nca.runtime.sweep.SweepReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nca sweep report SWEEP_DIR}: the table and plots of a sweep. */
@Command(name = "report", description = {"Write report/table.csv and report/table.jsonl (a row per point: axis"
        + " values, seed, state, epochs, seconds, final, best and do-nothing loss, held-out errors at the"
        + " evaluation's steps) and report/METRIC-vs-AXIS.png (mean +- s.d. over seeds) in a sweep folder; prints"
        + " the files written. Points not done appear with their state only."})
final class SweepReportCommand extends NcaSubcommand {

    @Parameters(index = "0", paramLabel = "SWEEP_DIR", description = "The sweep folder.")
    private Path sweep;

    @Override
    protected int run() {
        new SweepReport(SweepFolder.open(sweep)).write().forEach(f -> out().println(f));
        out().flush();
        return 0;
    }
}
