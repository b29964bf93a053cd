package dev.nca.runtime.recipe;

import dev.nca.core.train.LearningRateSchedule;

import dev.nca.core.model.AliveRule;
import dev.nca.core.model.MaskMode;
import com.moandjiezana.toml.Toml;
import dev.nca.api.Boundary;
import dev.nca.api.NcaException;
import dev.nca.runtime.Suggestions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a TOML recipe into a validated {@link Recipe}.
 *
 * <p><b>Accepted TOML.</b> Recipes are TOML 0.4 as read by TOML4J 0.7.2: tables ({@code [model]},
 * {@code [data.params]}), bare keys, basic and literal strings (also multi-line), 64-bit integers
 * (underscores allowed), floats, booleans, homogeneous arrays and inline tables. Not accepted:
 * dotted keys ({@code a.b = 1}, a syntax error in TOML 0.4), quoted keys, integers beyond 64 bits,
 * {@code inf}/{@code nan} and floats that overflow to infinity, dates as values, arrays of tables,
 * and {@code key =} with no value (TOML4J would drop it silently; here it is an error).
 *
 * <p><b>Validation.</b> Everything is checked: unknown tables and keys (with a suggestion when a
 * known name is close), types, ranges, required keys, names. Every error is an
 * {@link NcaException} (usually an {@link dev.nca.api.InvalidParameterException}) with one message
 * naming the file, the table and key, the bad value and what is allowed; TOML syntax errors name
 * the file and line. Extension parameter tables are only checked for value types here; their keys
 * are validated by the chosen extension (see {@link Recipe#where(String)}).
 */
public final class RecipeLoader {

    private static final Pattern EXPERIMENT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern NON_BLANK = Pattern.compile("(?s).*\\S.*");
    private static final String EXTENSION_NAME_TEXT =
            "an extension name: lower-case letters and digits joined by single dashes";

    private RecipeLoader() {
    }

    /**
     * Loads and validates a recipe file.
     *
     * @param file      the recipe; its name as given is used in messages
     * @param overrides {@code table.key} (or {@code table.params_table.key}) to TOML value text, from
     *                  {@code --set}; applied before validation
     * @return the validated recipe with defaults filled in
     * @throws NcaException when the file cannot be read or anything in it is invalid
     */
    public static Recipe load(Path file, Map<String, String> overrides) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NcaException("recipe file " + file + " does not exist");
        } catch (IOException e) {
            throw new NcaException("cannot read recipe file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString(), overrides);
    }

    /**
     * Validates recipe text.
     *
     * @param text      the TOML text
     * @param source    the file name to use in messages and {@link Recipe#source()}
     * @param overrides as for {@link #load(Path, Map)}
     */
    public static Recipe parse(String text, String source, Map<String, String> overrides) {
        return parse(text, source, overrides, "--set ");
    }

    /**
     * As {@link #parse(String, String, Map)}, naming each override in messages as
     * {@code origin + "table.key=value"} instead of {@code "--set table.key=value"}.
     *
     * @param origin where the overrides come from, e.g. {@code "study.toml [axes.t] "}
     */
    public static Recipe parse(String text, String source, Map<String, String> overrides, String origin) {
        TomlPrescan.check(text, source);
        Map<String, Object> document;
        try {
            document = new HashMap<>(new Toml().read(text).toMap());
        } catch (RuntimeException e) {
            throw new NcaException(source + ": not valid TOML: " + e.getMessage(), e);
        }
        checkTables(document, source);
        Map<String, String> applied = Overrides.apply(document, overrides, origin);
        ExperimentSection experiment = experiment(reader(document, source, RecipeSchema.EXPERIMENT, applied));
        DataSection data = data(reader(document, source, RecipeSchema.DATA, applied));
        ModelSection model = model(reader(document, source, RecipeSchema.MODEL, applied));
        TrainingSection training = training(reader(document, source, RecipeSchema.TRAINING, applied));
        OutputSection output = output(reader(document, source, RecipeSchema.OUTPUT, applied));
        return new Recipe(source, experiment, data, model, training, output);
    }

    private static void checkTables(Map<String, Object> document, String source) {
        for (String name : new TreeSet<>(document.keySet())) {
            Object value = document.get(name);
            boolean known = RecipeSchema.TABLES.containsKey(name);
            if (known && value instanceof Map<?, ?>) {
                continue;
            }
            if (value instanceof Map<?, ?>) {
                throw new NcaException(source + ": unknown table [" + name + "]"
                        + Suggestions.closest(name, RecipeSchema.TABLES.keySet()).map(c -> " (did you mean [" + c + "]?)")
                        .orElse("")
                        + "; allowed tables: " + RecipeSchema.tableList());
            }
            throw new NcaException(source + ": key '" + name + "' with value " + describe(value)
                    + " is outside any table" + (known ? " ('" + name + "' must be a table, [" + name + "])" : "")
                    + "; allowed: keys inside the tables " + RecipeSchema.tableList());
        }
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static TableReader reader(Map<String, Object> document, String source, String table,
                                      Map<String, String> applied) {
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) document.getOrDefault(table, Map.of());
        Map<String, String> overridden = new HashMap<>();
        String prefix = table + ".";
        applied.forEach((path, option) -> {
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                int dot = rest.indexOf('.');
                overridden.put(dot < 0 ? rest : rest.substring(0, dot), option);
            }
        });
        return new TableReader(source, table, raw, RecipeSchema.TABLES.get(table), overridden);
    }

    private static ExperimentSection experiment(TableReader t) {
        String name = t.matching("name", null, EXPERIMENT_NAME,
                "a name of lower-case letters, digits, _ and -, starting with a letter or digit");
        long seed = t.integer("seed", 0L, Long.MIN_VALUE, Long.MAX_VALUE);
        String description = t.string("description", "");
        String dtype = t.optionalChoice("dtype", "float32", List.of("float32", "float64")).orElseThrow();
        return new ExperimentSection(name, seed, description, dtype);
    }

    private static DataSection data(TableReader t) {
        String dataset = t.matching("dataset", null, EXTENSION_NAME, EXTENSION_NAME_TEXT);
        return new DataSection(dataset, t.params("params"));
    }

    private static ModelSection model(TableReader t) {
        int channels = (int) t.integer("channels", null, 1, 256);
        int observable = (int) t.integer("observable", null, 1, channels);
        int hidden = (int) t.integer("hidden", 4L * channels, 1, 4096);
        boolean hiddenBias = t.bool("hidden_bias", false);
        String kernels = t.matching("kernels", null, EXTENSION_NAME, EXTENSION_NAME_TEXT);
        Map<String, Object> kernelParams = t.params("kernel_params");
        String activation = t.matching("activation", "relu", EXTENSION_NAME, EXTENSION_NAME_TEXT);
        Optional<Boundary> boundary = t.optionalChoice("boundary", null, List.of("periodic", "zero", "reflect"))
                .map(b -> Boundary.valueOf(b.toUpperCase(Locale.ROOT)));
        double q = t.real("update_probability", 1.0, 0.0, false, 1.0, true, "in (0, 1]");
        MaskMode mask = MaskMode.valueOf(t.optionalChoice("mask", "cell", List.of("cell", "element"))
                .orElseThrow().toUpperCase(Locale.ROOT));
        double initScale = t.real("init_scale", 1.0, 0.0, false, Double.MAX_VALUE, true, "> 0");
        double aliveThreshold = t.real("alive_threshold", 0.0, 0.0, true, Double.MAX_VALUE, true,
                ">= 0 (0 turns alive masking off)");
        int aliveChannel = (int) t.integer("alive_channel", (long) observable - 1, 0, channels - 1);
        Optional<AliveRule> alive = aliveThreshold > 0 ? Optional.of(new AliveRule(aliveChannel, aliveThreshold))
                : Optional.empty();
        return new ModelSection(channels, observable, hidden, hiddenBias, kernels, kernelParams, activation, boundary,
                q, mask, initScale, alive);
    }

    private static TrainingSection training(TableReader t) {
        String schedule = t.matching("schedule", "transitions", EXTENSION_NAME, EXTENSION_NAME_TEXT);
        Map<String, Object> scheduleParams = t.params("schedule_params");
        OptionalLong spacing = t.optionalInteger("frame_spacing", 1, 100_000, " (default: the dataset's hint)");
        OptionalInt frameSpacing = spacing.isPresent() ? OptionalInt.of((int) spacing.getAsLong()) : OptionalInt.empty();
        long epochs = t.integer("epochs", null, 1, 10_000_000);
        int minibatch = (int) t.integer("minibatch", 64L, 1, 100_000);
        String loss = t.matching("loss", "euclidean", EXTENSION_NAME, EXTENSION_NAME_TEXT);
        Map<String, Object> lossParams = t.params("loss_params");
        double learningRate = t.real("learning_rate", 1e-3, 0.0, false, Double.MAX_VALUE, true, "> 0");
        LearningRateSchedule.Kind decay = LearningRateSchedule.Kind.valueOf(t.optionalChoice("learning_rate_decay",
                "constant", List.of("constant", "cosine", "exponential")).orElseThrow().toUpperCase(Locale.ROOT));
        double finalRate = learningRate;
        if (decay == LearningRateSchedule.Kind.CONSTANT) {
            if (t.has("final_learning_rate")) {
                throw t.invalidGiven("final_learning_rate",
                        "only with learning_rate_decay = \"cosine\" or \"exponential\" (the decay is \"constant\")");
            }
        } else {
            finalRate = t.real("final_learning_rate", learningRate / 100, 0.0, false, Double.MAX_VALUE, true, "> 0");
        }
        double beta1 = t.real("beta1", 0.9, 0.0, true, 1.0, false, "in [0, 1)");
        double beta2 = t.real("beta2", 0.999, 0.0, true, 1.0, false, "in [0, 1)");
        double epsilon = t.real("epsilon", 1e-7, 0.0, false, Double.MAX_VALUE, true, "> 0");
        boolean normalise = t.bool("gradient_normalisation", true);
        int block = (int) t.integer("block", 4L, 1, 4096);
        int threads = (int) t.integer("threads", 0L, 0, 256);
        String engine = t.matching("engine", TrainingSection.AUTO_ENGINE, EXTENSION_NAME,
                "an engine name such as \"stencil-gemm\" or \"auto\"");
        long tapeMemory = MemorySize.parse(t.matching("tape_memory", "unlimited", MemorySize.PATTERN, MemorySize.TEXT));
        return new TrainingSection(schedule, scheduleParams, frameSpacing, epochs, minibatch, loss, lossParams,
                learningRate, decay, finalRate, beta1, beta2, epsilon, normalise, block, threads, engine, tapeMemory);
    }

    private static OutputSection output(TableReader t) {
        String directory = t.matching("directory", "runs", NON_BLANK, "a non-empty path");
        long checkpointEvery = t.integer("checkpoint_every", 100L, 1, Long.MAX_VALUE);
        long snapshotEvery = t.integer("snapshot_every", 500L, 1, Long.MAX_VALUE);
        boolean keepLast = t.bool("keep_last", true);
        long validateEvery = t.integer("validate_every", checkpointEvery, 1, Long.MAX_VALUE);
        String bestBy = t.optionalChoice("best_by", OutputSection.BY_VALIDATION,
                List.of(OutputSection.BY_VALIDATION, OutputSection.BY_LOSS)).orElseThrow();
        return new OutputSection(directory, checkpointEvery, snapshotEvery, keepLast, validateEvery, bestBy);
    }
}
