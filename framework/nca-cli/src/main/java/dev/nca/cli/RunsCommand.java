package dev.nca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.render.Images;
import dev.nca.render.LossPlot;
import dev.nca.runtime.runs.RunFolders;
import dev.nca.runtime.runs.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nca runs DIR...}: one table comparing run folders found in or under the given folders
 * (output folders, sweep folders or run folders), and optionally one picture overlaying their
 * loss curves.
 */
@Command(name = "runs",
        description = {"Compare runs: one table (text, CSV or JSON) of the run folders in or under each DIR"
                + " (a folder with metrics.jsonl and recipe.toml is a run folder): dataset, --set overrides,"
                + " epochs, training seconds, do-nothing / final / best loss, the last validation score if any,"
                + " and whether the run diverged. --plot draws their loss curves (and validation curves) in one"
                + " PNG."})
final class RunsCommand extends NcaSubcommand {

    /** Output formats of the table. */
    enum Format { TEXT, CSV, JSON }

    private static final List<String> COLUMNS = List.of("run", "dataset", "overrides", "epochs", "seconds",
            "do_nothing_loss", "final_loss", "best_loss", "validation", "diverged");

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Run folders, or folders to search for them.")
    private List<Path> roots = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), csv or json.")
    private Format format;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Also draw every run's loss per epoch (and validation score) in one PNG.")
    private Path plot;

    @Override
    protected int run() {
        Map<String, RunRecord> runs = new LinkedHashMap<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path root : roots) {
            Path base = root.toAbsolutePath().normalize();
            for (Path folder : RunFolders.findIn(root)) {
                if (seen.add(folder)) {
                    String name = folder.equals(base) ? folder.getFileName().toString()
                            : base.relativize(folder).toString();
                    runs.putIfAbsent(name, RunRecord.read(folder));
                }
            }
        }
        switch (format) {
            case TEXT -> text(runs);
            case CSV -> csv(runs);
            case JSON -> json(runs);
            default -> throw new IllegalStateException("format " + format);
        }
        out().flush();
        if (plot != null) {
            Images.writePng(overlay(runs).render(), plot);
        }
        return 0;
    }

    private static List<String> cells(String name, RunRecord r) {
        return List.of(name, r.dataset(), overrides(r), Integer.toString(r.epochs()),
                String.format(Locale.ROOT, "%.1f", r.seconds()), number(r.doNothingLoss()), number(r.finalLoss()),
                number(r.bestLoss()), number(r.validation()), r.diverged() ? "yes" : "no");
    }

    private void text(Map<String, RunRecord> runs) {
        TextTable table = new TextTable("", COLUMNS.stream().map(c -> c.replace('_', ' ')).toArray(String[]::new));
        runs.forEach((name, r) -> table.row(cells(name, r).stream()
                .map(c -> c.isEmpty() ? "-" : c).toArray(String[]::new)));
        table.print(out());
    }

    private void csv(Map<String, RunRecord> runs) {
        out().println(String.join(",", COLUMNS));
        runs.forEach((name, r) -> out().println(cells(name, r).stream().map(RunsCommand::csvCell)
                .collect(Collectors.joining(","))));
    }

    private void json(Map<String, RunRecord> runs) {
        List<Map<String, Object>> rows = new ArrayList<>();
        runs.forEach((name, r) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run", name);
            row.put("folder", r.folder().toString());
            row.put("dataset", r.dataset());
            row.put("overrides", r.overrides());
            row.put("epochs", r.epochs());
            row.put("seconds", r.seconds());
            row.put("do_nothing_loss", finite(r.doNothingLoss()));
            row.put("final_loss", finite(r.finalLoss()));
            row.put("best_loss", finite(r.bestLoss()));
            row.put("validation", finite(r.validation()));
            row.put("diverged", r.diverged());
            rows.add(row);
        });
        try {
            out().println(new ObjectMapper().writeValueAsString(rows));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("run table is not serialisable: " + e.getMessage(), e);
        }
    }

    /** Every run's loss curve, and validation curve if it has one, on one chart. */
    static LossPlot overlay(Map<String, RunRecord> runs) {
        LossPlot.Builder b = LossPlot.builder().title("training loss of " + runs.size() + " runs").xLabel("epoch")
                .yLabel("loss").size(960, 600);
        runs.forEach((name, r) -> {
            b.series(name, r.lossCurve()[0], r.lossCurve()[1]);
            if (r.validationCurve()[0].length > 0) {
                b.series(name + " (validation)", r.validationCurve()[0], r.validationCurve()[1]);
            }
        });
        return b.build();
    }

    private static String overrides(RunRecord r) {
        return r.overrides().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String csvCell(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
