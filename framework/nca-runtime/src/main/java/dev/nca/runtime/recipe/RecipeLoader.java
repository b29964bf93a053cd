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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;

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
 * are validated by the chosen extension (see {@link Recipe#where(String)}). The framework keys, their
 * types, defaults and bounds are declared once in {@link RecipeSchema}.
 */
public final class RecipeLoader {


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
        return new ExperimentSection(t.text(RecipeSchema.NAME), t.integer(RecipeSchema.SEED),
                t.text(RecipeSchema.DESCRIPTION), t.choice(RecipeSchema.DTYPE).orElseThrow());
    }

    private static DataSection data(TableReader t) {
        return new DataSection(t.text(RecipeSchema.DATASET), t.params(RecipeSchema.DATA_PARAMS));
    }

    private static ModelSection model(TableReader t) {
        int channels = (int) t.integer(RecipeSchema.CHANNELS);
        int observable = (int) t.integer(RecipeSchema.OBSERVABLE);
        int hidden = (int) t.integer(RecipeSchema.HIDDEN);
        boolean hiddenBias = t.bool(RecipeSchema.HIDDEN_BIAS);
        String kernels = t.text(RecipeSchema.KERNELS);
        Map<String, Object> kernelParams = t.params(RecipeSchema.KERNEL_PARAMS);
        String activation = t.text(RecipeSchema.ACTIVATION);
        Optional<Boundary> boundary = t.choice(RecipeSchema.BOUNDARY)
                .map(b -> Boundary.valueOf(b.toUpperCase(Locale.ROOT)));
        double q = t.real(RecipeSchema.UPDATE_PROBABILITY);
        MaskMode mask = MaskMode.valueOf(t.choice(RecipeSchema.MASK).orElseThrow().toUpperCase(Locale.ROOT));
        double initScale = t.real(RecipeSchema.INIT_SCALE);
        double aliveThreshold = t.real(RecipeSchema.ALIVE_THRESHOLD);
        int aliveChannel = (int) t.integer(RecipeSchema.ALIVE_CHANNEL);
        Optional<AliveRule> alive = aliveThreshold > 0 ? Optional.of(new AliveRule(aliveChannel, aliveThreshold))
                : Optional.empty();
        return new ModelSection(channels, observable, hidden, hiddenBias, kernels, kernelParams, activation, boundary,
                q, mask, initScale, alive);
    }

    private static TrainingSection training(TableReader t) {
        String schedule = t.text(RecipeSchema.SCHEDULE);
        Map<String, Object> scheduleParams = t.params(RecipeSchema.SCHEDULE_PARAMS);
        OptionalLong spacing = t.optionalInteger(RecipeSchema.FRAME_SPACING);
        OptionalInt frameSpacing = spacing.isPresent() ? OptionalInt.of((int) spacing.getAsLong()) : OptionalInt.empty();
        long epochs = t.integer(RecipeSchema.EPOCHS);
        int minibatch = (int) t.integer(RecipeSchema.MINIBATCH);
        String loss = t.text(RecipeSchema.LOSS);
        Map<String, Object> lossParams = t.params(RecipeSchema.LOSS_PARAMS);
        double learningRate = t.real(RecipeSchema.LEARNING_RATE);
        LearningRateSchedule.Kind decay = LearningRateSchedule.Kind.valueOf(
                t.choice(RecipeSchema.LEARNING_RATE_DECAY).orElseThrow().toUpperCase(Locale.ROOT));
        double finalRate = learningRate;
        if (decay == LearningRateSchedule.Kind.CONSTANT) {
            if (t.has(RecipeSchema.FINAL_LEARNING_RATE.name())) {
                throw t.invalidGiven(RecipeSchema.FINAL_LEARNING_RATE.name(),
                        "only with learning_rate_decay = \"cosine\" or \"exponential\" (the decay is \"constant\")");
            }
        } else {
            finalRate = t.real(RecipeSchema.FINAL_LEARNING_RATE);
        }
        double beta1 = t.real(RecipeSchema.BETA1);
        double beta2 = t.real(RecipeSchema.BETA2);
        double epsilon = t.real(RecipeSchema.EPSILON);
        boolean normalise = t.bool(RecipeSchema.GRADIENT_NORMALISATION);
        int block = (int) t.integer(RecipeSchema.BLOCK);
        int threads = (int) t.integer(RecipeSchema.THREADS);
        String engine = t.text(RecipeSchema.ENGINE);
        long tapeMemory = MemorySize.parse(t.text(RecipeSchema.TAPE_MEMORY));
        return new TrainingSection(schedule, scheduleParams, frameSpacing, epochs, minibatch, loss, lossParams,
                learningRate, decay, finalRate, beta1, beta2, epsilon, normalise, block, threads, engine, tapeMemory);
    }

    private static OutputSection output(TableReader t) {
        return new OutputSection(t.text(RecipeSchema.DIRECTORY), t.integer(RecipeSchema.CHECKPOINT_EVERY),
                t.integer(RecipeSchema.SNAPSHOT_EVERY), t.bool(RecipeSchema.KEEP_LAST),
                t.integer(RecipeSchema.VALIDATE_EVERY), t.choice(RecipeSchema.BEST_BY).orElseThrow());
    }
}
