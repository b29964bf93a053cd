package dev.nca.runtime.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.NcaException;
import dev.nca.render.Images;
import dev.nca.render.MeanSdPlot;
import dev.nca.support.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The table of a sweep's results, one row per point: axis values, seed, state, epochs, seconds,
 * final, best and do-nothing loss and, for each reported evaluation step S, {@code error_at_S},
 * {@code relative_error_at_S} (and {@code wrong_fraction_at_S} with a threshold). Written as
 * {@code report/table.csv} and {@code report/table.jsonl}, with a {@link MeanSdPlot} of every
 * metric against every numeric axis ({@code report/METRIC-vs-AXIS.png}; with several axes one plot
 * per combination of the others, named after them), mean and standard deviation over the seeds.
 */
public final class SweepReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LOSSES = List.of("final_loss", "best_loss");

    private final SweepFolder folder;

    public SweepReport(SweepFolder folder) {
        this.folder = folder;
    }

    /** The rows, in sweep order; points not done have only their values, seed and state. */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> point : folder.points()) {
            String name = (String) point.get("name");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("point", name);
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) point.get("values");
            row.putAll(values);
            row.put("seed", point.get("seed"));
            Optional<PointState> state = folder.state(name);
            row.put("state", state.map(PointState::state).orElse("missing"));
            if (state.isPresent() && state.get().done()) {
                Map<String, Object> r = state.get().result();
                for (String key : List.of("epochs", "seconds", "final_loss", "best_loss", "do_nothing_loss")) {
                    row.put(key, r.get(key));
                }
                if (folder.evaluationIsStale(state.get())) {
                    // evaluated otherwise than the sweep now says: its held-out errors are not reported
                    row.put("state", SweepStatus.STALE);
                } else {
                    evaluationColumns(r, row);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static void evaluationColumns(Map<String, Object> result, Map<String, Object> row) {
        @SuppressWarnings("unchecked")
        Map<String, Object> evaluation = (Map<String, Object>) result.get("evaluation");
        if (evaluation == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> at = (List<Map<String, Object>>) evaluation.get("at");
        for (Map<String, Object> entry : at) {
            Object step = entry.get("step");
            Set<String> keys = new LinkedHashSet<>(List.of("error", "relative_error", "wrong_fraction"));
            keys.addAll(new TreeMap<>(entry).keySet());
            keys.remove("step");
            for (String k : keys) {
                if (entry.containsKey(k)) {
                    row.put(k + "_at_" + step, entry.get(k));
                }
            }
        }
    }

    /**
     * Writes the table and the plots into {@code SWEEP/report/}.
     *
     * @return the files written
     */
    public List<Path> write() {
        List<Map<String, Object>> rows = rows();
        Path dir = folder.root().resolve("report");
        List<Path> written = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.keySet()));
        try {
            Files.createDirectories(dir);
            StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
            StringBuilder jsonl = new StringBuilder();
            for (Map<String, Object> row : rows) {
                List<String> cells = new ArrayList<>();
                for (String c : columns) {
                    cells.add(csvCell(row.get(c)));
                }
                csv.append(String.join(",", cells)).append('\n');
                jsonl.append(JSON.writeValueAsString(row)).append('\n');
            }
            AtomicFiles.writeString(dir.resolve("table.csv"), csv.toString());
            AtomicFiles.writeString(dir.resolve("table.jsonl"), jsonl.toString());
        } catch (IOException e) {
            throw new NcaException("cannot write the report in " + dir + ": " + e.getMessage(), e);
        }
        written.add(dir.resolve("table.csv"));
        written.add(dir.resolve("table.jsonl"));
        List<String> metrics = new ArrayList<>(LOSSES);
        columns.stream().filter(c -> c.contains("_at_")).forEach(metrics::add);
        for (String axis : folder.axisNames()) {
            for (String metric : metrics) {
                written.addAll(plots(rows, axis, metric, dir));
            }
        }
        return written;
    }

    private List<Path> plots(List<Map<String, Object>> rows, String axis, String metric, Path dir) {
        if (!rows.stream().allMatch(r -> r.get(axis) instanceof Number)) {
            return List.of();
        }
        Map<String, MeanSdPlot> byOthers = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            if (!"done".equals(row.get("state"))) {
                continue;
            }
            List<String> others = new ArrayList<>();
            for (String a : folder.axisNames()) {
                if (!a.equals(axis)) {
                    others.add(a + "-" + row.get(a));
                }
            }
            String key = String.join("_", others);
            String title = metric.replace('_', ' ') + (key.isEmpty() ? "" : " (" + key.replace('_', ' ') + ")");
            MeanSdPlot plot = byOthers.computeIfAbsent(key, k -> new MeanSdPlot(title, axis, metric.replace('_', ' ')));
            Object y = row.get(metric);
            plot.add(((Number) row.get(axis)).doubleValue(), y instanceof Number n ? n.doubleValue() : Double.NaN);
        }
        List<Path> files = new ArrayList<>();
        byOthers.forEach((key, plot) -> {
            Path file = dir.resolve(metric + "-vs-" + axis + (key.isEmpty() ? "" : "_" + key) + ".png");
            Images.writePng(plot.render(), file);
            files.add(file);
        });
        return files;
    }

    private static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof String s ? s : String.valueOf(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

}
