package dev.nca.runtime.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.moandjiezana.toml.Toml;
import dev.nca.api.NcaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary of one run folder, read from its {@code metrics.jsonl}, {@code recipe.toml} and (if
 * present) {@code provenance.json}. Loss values that are missing or not finite are NaN.
 *
 * @param folder        the run folder
 * @param dataset       the recipe's {@code [data] dataset}
 * @param overrides     the {@code --set} overrides recorded in provenance (empty if none or not recorded)
 * @param epochs        epochs completed (metrics records with a loss)
 * @param seconds       training seconds, the sum of the records' {@code seconds}
 * @param doNothingLoss the do-nothing rule's loss ({@code do_nothing_loss} of epoch 0)
 * @param finalLoss     the last epoch's loss
 * @param bestLoss      the lowest finite epoch loss
 * @param validation    the last validation score (a record's {@code validation}: a number, or an
 *                      object's {@code loss} or {@code score}); NaN if the run has none
 * @param diverged      whether the run stopped on divergence (a record with {@code diverged})
 * @param lossCurve     epoch and loss of every epoch, {@code [2][epochs]}: row 0 epochs, row 1 losses
 * @param validationCurve epoch and validation score of every record that has one, {@code [2][n]}
 */
public record RunRecord(Path folder, String dataset, Map<String, String> overrides, int epochs, double seconds,
                        double doNothingLoss, double finalLoss, double bestLoss, double validation,
                        boolean diverged, double[][] lossCurve, double[][] validationCurve) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads a run folder (see {@link RunFolders#isRunFolder}).
     *
     * @throws NcaException naming the file and line when a file cannot be read or parsed
     */
    public static RunRecord read(Path folder) {
        String dataset = dataset(folder.resolve(RunFolders.RECIPE));
        Map<String, String> overrides = overrides(folder.resolve("provenance.json"));
        Path metrics = folder.resolve(RunFolders.METRICS);
        List<String> lines;
        try {
            lines = Files.readAllLines(metrics);
        } catch (IOException e) {
            throw new NcaException("cannot read " + metrics + ": " + e.getMessage(), e);
        }
        List<double[]> losses = new ArrayList<>();
        List<double[]> validations = new ArrayList<>();
        double seconds = 0;
        double doNothing = Double.NaN;
        double best = Double.NaN;
        boolean diverged = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode record;
            try {
                record = JSON.readTree(lines.get(i));
            } catch (IOException e) {
                throw new NcaException(metrics + " line " + (i + 1) + " is not JSON: " + e.getMessage(), e);
            }
            if (!record.isObject()) {
                throw new NcaException(metrics + " line " + (i + 1) + " is not a JSON object");
            }
            double epoch = record.path("epoch").asDouble(Double.NaN);
            diverged |= record.has("diverged");
            if (record.has("loss")) {
                double loss = number(record.get("loss"));
                losses.add(new double[] {epoch, loss});
                if (Double.isFinite(loss) && !(loss >= best)) {
                    best = loss;
                }
                seconds += record.path("seconds").asDouble(0);
            }
            if (record.has("do_nothing_loss")) {
                doNothing = number(record.get("do_nothing_loss"));
            }
            double score = validationScore(record.get("validation"));
            if (!Double.isNaN(score)) {
                validations.add(new double[] {epoch, score});
            }
        }
        double finalLoss = losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1)[1];
        double validation = validations.isEmpty() ? Double.NaN : validations.get(validations.size() - 1)[1];
        return new RunRecord(folder, dataset, overrides, losses.size(), seconds, doNothing, finalLoss, best,
                validation, diverged, columns(losses), columns(validations));
    }

    /** The folder's name. */
    public String name() {
        return folder.getFileName().toString();
    }

    private static double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : Double.NaN;
    }

    /** A validation entry: a number, or an object with a numeric {@code loss} or {@code score}. */
    private static double validationScore(JsonNode node) {
        if (node == null) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        for (String key : List.of("loss", "score")) {
            if (node.path(key).isNumber()) {
                return node.get(key).asDouble();
            }
        }
        return Double.NaN;
    }

    private static double[][] columns(List<double[]> points) {
        double[][] out = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            out[0][i] = points.get(i)[0];
            out[1][i] = points.get(i)[1];
        }
        return out;
    }

    private static String dataset(Path recipe) {
        try {
            String name = new Toml().read(recipe.toFile()).getString("data.dataset");
            return name == null ? "" : name;
        } catch (RuntimeException e) {
            throw new NcaException("cannot read " + recipe + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> overrides(Path provenance) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(provenance)) {
            return out;
        }
        JsonNode node;
        try {
            node = JSON.readTree(provenance.toFile()).path("overrides");
        } catch (IOException e) {
            throw new NcaException("cannot read " + provenance + ": " + e.getMessage(), e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
