package dev.nca.runtime.sweep;

import com.moandjiezana.toml.Toml;
import dev.nca.api.NcaException;
import dev.nca.api.Split;
import dev.nca.runtime.Suggestions;
import dev.nca.runtime.recipe.TableReader;
import dev.nca.runtime.recipe.TomlPrescan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a sweep file (TOML, see docs/recipes.md "Sweep files") into a {@link SweepSpec}, as
 * strictly as recipes are read: the same TOML subset ({@link TomlPrescan}), unknown tables and keys
 * rejected with a suggestion, types and ranges checked, every message naming the file, table and
 * key. The axis keys themselves are checked when the points are expanded against the base recipe
 * ({@link PointExpander}).
 */
public final class SweepLoader {

    private static final String DATA_PARAMS = "data.params.";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final String NAME_TEXT = "a name of lower-case letters, digits, _ and -, starting with a letter"
            + " or digit";
    private static final Map<String, List<String>> TABLES = Map.of(
            "sweep", List.of("name", "recipe", "combine", "seeds", "set", "output"),
            "axes", List.of(),
            "evaluation", List.of("steps", "at", "threshold", "from", "set"),
            "slurm", List.of("partition", "time", "mem", "cpus", "throttle", "account", "setup"));
    private static final List<String> AXIS_KEYS = List.of("key", "keys", "values");

    private SweepLoader() {
    }

    /**
     * Loads and validates a sweep file.
     *
     * @throws NcaException naming the file, table and key of the first problem
     */
    public static SweepSpec load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NcaException("sweep file " + file + " does not exist");
        } catch (IOException e) {
            throw new NcaException("cannot read sweep file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    /** Validates sweep text; {@code file} locates the base recipe and names the file in messages. */
    public static SweepSpec parse(String text, Path file) {
        String source = file.toString();
        TomlPrescan.check(text, source);
        Map<String, Object> document;
        try {
            document = new HashMap<>(new Toml().read(text).toMap());
        } catch (RuntimeException e) {
            throw new NcaException(source + ": not valid TOML: " + e.getMessage(), e);
        }
        for (String table : new TreeSet<>(document.keySet())) {
            if (!TABLES.containsKey(table) || !(document.get(table) instanceof Map<?, ?>)) {
                throw new NcaException(source + ": unknown table or key '" + table + "'"
                        + Suggestions.didYouMean(table, TABLES.keySet(), "'") + "; allowed tables: [sweep], [axes.NAME],"
                        + " [evaluation], [slurm]");
            }
        }
        TableReader sweep = reader(document, source, "sweep");
        String stem = file.getFileName().toString().replaceFirst("\\.toml$", "");
        String name = sweep.matching("name", NAME.matcher(stem).matches() ? stem : null, NAME, NAME_TEXT);
        String recipe = sweep.string("recipe", null);
        Path base = file.toAbsolutePath().getParent().resolve(recipe).normalize();
        boolean zip = sweep.optionalChoice("combine", "grid", List.of("grid", "zip")).orElseThrow().equals("zip");
        List<Long> seeds = seeds(sweep);
        Map<String, String> fixed = fixed(sweep);
        String output = sweep.string("output", "sweeps");
        List<Axis> axes = axes(document, source);
        if (axes.isEmpty() && seeds.size() < 2) {
            throw new NcaException(source + ": a sweep needs at least one [axes.NAME] table or two seeds in [sweep]"
                    + " seeds");
        }
        if (zip) {
            checkZipLengths(axes, source);
        }
        Optional<EvaluationSpec> evaluation = document.containsKey("evaluation")
                ? Optional.of(evaluation(reader(document, source, "evaluation"))) : Optional.empty();
        SlurmSettings slurm = slurm(reader(document, source, "slurm"));
        return new SweepSpec(source, name, base, zip, axes, seeds, fixed, output, evaluation, slurm);
    }

    private static TableReader reader(Map<String, Object> document, String source, String table) {
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) document.getOrDefault(table, Map.of());
        return new TableReader(source, table, raw, TABLES.get(table), Map.of());
    }

    private static List<Long> seeds(TableReader t) {
        Object raw = t.raw("seeds");
        if (raw == null) {
            return List.of();
        }
        String allowed = "a non-empty array of distinct integers, e.g. [1, 2, 3, 4]";
        if (!(raw instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(Long.class::isInstance)
                || list.stream().distinct().count() != list.size()) {
            throw t.invalid("seeds", raw, allowed);
        }
        return list.stream().map(Long.class::cast).toList();
    }

    private static Map<String, String> fixed(TableReader t) {
        return settings(t, "an array of \"table.key=value\" strings, as for nca train --set", key -> true);
    }

    /**
     * A {@code set = ["KEY=VALUE", ...]} array of a table: each key once and accepted by {@code keyAllowed}.
     * Values are kept as written (override parsing trims them).
     */
    private static Map<String, String> settings(TableReader t, String allowed,
                                                java.util.function.Predicate<String> keyAllowed) {
        Object raw = t.raw("set");
        Map<String, String> settings = new LinkedHashMap<>();
        if (raw == null) {
            return settings;
        }
        if (!(raw instanceof List<?> list)) {
            throw t.invalid("set", raw, allowed);
        }
        for (Object entry : list) {
            if (!(entry instanceof String s) || s.indexOf('=') < 1) {
                throw t.invalid("set", raw, allowed);
            }
            String key = s.substring(0, s.indexOf('=')).strip();
            if (!keyAllowed.test(key)) {
                throw t.invalid("set", raw, allowed);
            }
            if (settings.put(key, s.substring(s.indexOf('=') + 1)) != null) {
                throw t.invalid("set", raw, allowed + ", each key once (" + key + " is repeated)");
            }
        }
        return settings;
    }

    private static List<Axis> axes(Map<String, Object> document, String source) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tables = new TreeMap<>((Map<String, Object>) document.getOrDefault("axes", Map.of()));
        List<Axis> axes = new ArrayList<>();
        for (Map.Entry<String, Object> e : tables.entrySet()) {
            String name = e.getKey();
            if (!NAME.matcher(name).matches() || name.equals("seed")) {
                throw new NcaException(source + ": axis [axes." + name + "]: the name must be " + NAME_TEXT
                        + ", and not 'seed' (seeds are given in [sweep] seeds)");
            }
            if (!(e.getValue() instanceof Map<?, ?> map)) {
                throw new NcaException(source + ": 'axes." + name + "' must be a table [axes." + name
                        + "] with keys = [...] (or key = \"...\") and values = [...]");
            }
            @SuppressWarnings("unchecked")
            TableReader t = new TableReader(source, "axes." + name, (Map<String, Object>) map, AXIS_KEYS, Map.of());
            axes.add(new Axis(name, axisKeys(t), axisValues(t)));
        }
        return axes;
    }

    private static List<String> axisKeys(TableReader t) {
        if (t.has("key") == t.has("keys")) {
            throw t.invalid("keys", t.raw("keys"), "either key = \"table.key\" or keys = [\"table.key\", ...],"
                    + " exactly one of them (required)");
        }
        if (t.has("key")) {
            return List.of(t.string("key", null));
        }
        Object raw = t.raw("keys");
        if (!(raw instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)
                || list.stream().distinct().count() != list.size()) {
            throw t.invalid("keys", raw, "a non-empty array of distinct recipe keys such as \"training.frame_spacing\"");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static List<Object> axisValues(TableReader t) {
        Object raw = t.raw("values");
        if (!(raw instanceof List<?> list) || list.isEmpty() || list.stream().distinct().count() != list.size()
                || list.stream().anyMatch(v -> v instanceof Map<?, ?>)) {
            throw t.invalid("values", raw, "a non-empty array of distinct TOML values (required)");
        }
        return new ArrayList<>(list);
    }

    private static void checkZipLengths(List<Axis> axes, String source) {
        for (Axis axis : axes) {
            if (axis.values().size() != axes.get(0).values().size()) {
                throw new NcaException(source + ": with combine = \"zip\" every axis needs the same number of values;"
                        + " [axes." + axes.get(0).name() + "] has " + axes.get(0).values().size() + ", [axes."
                        + axis.name() + "] has " + axis.values().size());
            }
        }
    }

    private static EvaluationSpec evaluation(TableReader t) {
        int steps = (int) t.integer("steps", 2048L, 1, 10_000_000);
        Object raw = t.raw("at");
        long[] at = new long[0];
        if (raw != null) {
            if (!(raw instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(
                    v -> v instanceof Long n && n >= 0 && n <= steps)) {
                throw t.invalid("at", raw, "a non-empty array of steps from 0 to steps = " + steps);
            }
            at = list.stream().mapToLong(v -> (Long) v).toArray();
        }
        OptionalDouble threshold = t.has("threshold")
                ? OptionalDouble.of(t.real("threshold", 0, -Double.MAX_VALUE, true, Double.MAX_VALUE, true, "(finite)"))
                : OptionalDouble.empty();
        Split split = t.optionalChoice("from", "held-out", List.of("held-out", "train")).orElseThrow().equals("train")
                ? Split.TRAIN : Split.HELD_OUT;
        return new EvaluationSpec(steps, at, threshold, split, evaluationData(t));
    }

    /** {@code [evaluation] set = ["data.params.KEY=VALUE", ...]}: the dataset's parameters changed for the evaluation. */
    private static Map<String, String> evaluationData(TableReader t) {
        Map<String, String> data = new LinkedHashMap<>();
        settings(t, "an array of \"data.params.KEY=VALUE\" strings (the dataset's parameters for the evaluation,"
                + " e.g. \"data.params.noise=0\")",
                key -> key.startsWith(DATA_PARAMS) && key.length() > DATA_PARAMS.length())
                .forEach((key, value) -> data.put(key, value.strip()));
        return data;
    }

    private static SlurmSettings slurm(TableReader t) {
        Pattern word = Pattern.compile("[A-Za-z0-9_.:+-]+");
        String wordText = "letters, digits and _ . : + -";
        Optional<String> partition = optional(t, "partition", word, wordText);
        Optional<String> time = optional(t, "time", Pattern.compile("[0-9:-]+"), "a Slurm time such as \"02:00:00\"");
        Optional<String> memory = optional(t, "mem", Pattern.compile("[0-9]+[KMGT]?"), "a Slurm size such as \"4G\"");
        int cpus = (int) t.integer("cpus", 1L, 1, 1024);
        OptionalLong throttle = t.optionalInteger("throttle", 1, 100_000, "");
        Optional<String> account = optional(t, "account", word, wordText);
        Object raw = t.raw("setup");
        List<String> setup = List.of();
        if (raw != null) {
            if (!(raw instanceof List<?> list) || !list.stream().allMatch(v -> v instanceof String s && !s.contains("\n"))) {
                throw t.invalid("setup", raw, "an array of one-line shell commands, e.g. [\"module load java/17\"]");
            }
            setup = list.stream().map(String.class::cast).toList();
        }
        return new SlurmSettings(partition, time, memory, cpus,
                throttle.isPresent() ? Optional.of((int) throttle.getAsLong()) : Optional.empty(), account, setup);
    }

    private static Optional<String> optional(TableReader t, String key, Pattern pattern, String what) {
        return t.has(key) ? Optional.of(t.matching(key, null, pattern, what)) : Optional.empty();
    }
}
