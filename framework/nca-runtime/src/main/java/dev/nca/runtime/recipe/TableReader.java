package dev.nca.runtime.recipe;

import dev.nca.api.InvalidParameterException;
import dev.nca.runtime.Suggestions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the keys of one recipe table with strict validation. Every failure is an
 * {@link InvalidParameterException} whose message names the file and table (and the
 * {@code --set} option when the value came from one), the key, the value and what is allowed.
 * Unknown keys are rejected when the reader is created, before any value is checked, so that a
 * misspelt key is reported as such rather than as a missing required key.
 */
public final class TableReader {

    private final String file;
    private final String table;
    private final Map<String, Object> raw;
    private final Map<String, String> overrides;
    /** The values read so far through {@link RecipeKey}s, for keys whose default or bound derives from them. */
    private final Map<String, Object> read = new HashMap<>();

    /**
     * @param file      the recipe file name
     * @param table     the table name, e.g. {@code "model"}
     * @param raw       the table's raw values (empty when the table is absent)
     * @param known     the keys the table may contain
     * @param overrides key to the {@code --set} option that set it
     */
    public TableReader(String file, String table, Map<String, Object> raw, List<String> known, Map<String, String> overrides) {
        this.file = file;
        this.table = table;
        this.raw = raw;
        this.overrides = overrides;
        for (String key : new TreeSet<>(raw.keySet())) {
            if (!known.contains(key)) {
                throw new InvalidParameterException(where(key), key, raw.get(key), "no such key in [" + table + "]"
                        + Suggestions.didYouMean(key, known, "'") + "; known keys: " + String.join(", ", known));
            }
        }
    }

    private String where(String key) {
        String option = overrides.get(key);
        return file + " [" + table + "]" + (option == null ? "" : " (" + option + ")");
    }

    /** Whether the table gives {@code key}. */
    public boolean has(String key) {
        return raw.containsKey(key);
    }

    /** An error about the value the table gives for {@code key} (for checks across keys). */
    public InvalidParameterException invalidGiven(String key, String allowed) {
        return invalid(key, raw.get(key), allowed);
    }

    /** The raw TOML value of {@code key} (Long, Double, Boolean, String, List or Map), or null when absent. */
    public Object raw(String key) {
        return raw.get(key);
    }

    /** An error naming the file, table and key, the bad value and what is allowed. */
    public InvalidParameterException invalid(String key, Object value, String allowed) {
        return new InvalidParameterException(where(key), key, value, allowed);
    }

    private Object required(String key, String allowed) {
        Object v = raw.get(key);
        if (v == null) {
            throw invalid(key, null, allowed + " (required)");
        }
        return v;
    }

    /** A string; {@code defaultValue} null makes it required. */
    public String string(String key, String defaultValue) {
        Object v = raw.get(key);
        if (v == null && defaultValue != null) {
            return defaultValue;
        }
        v = v == null ? required(key, "a string") : v;
        if (!(v instanceof String s)) {
            throw invalid(key, v, "a string");
        }
        return s;
    }

    /** A string matching {@code pattern}, described as {@code what} in messages. */
    public String matching(String key, String defaultValue, Pattern pattern, String what) {
        Object v = raw.get(key);
        if (v == null && defaultValue != null) {
            return defaultValue;
        }
        v = v == null ? required(key, what) : v;
        if (!(v instanceof String s) || !pattern.matcher(s).matches()) {
            throw invalid(key, v, what);
        }
        return s;
    }

    /** One of {@code choices}; empty when absent and {@code defaultValue} is null. */
    public Optional<String> optionalChoice(String key, String defaultValue, List<String> choices) {
        Object v = raw.get(key);
        if (v == null) {
            return Optional.ofNullable(defaultValue);
        }
        if (!(v instanceof String s) || !choices.contains(s)) {
            throw invalid(key, v, "one of " + quoted(choices));
        }
        return Optional.of(s);
    }

    /** An integer in {@code [min, max]}; {@code defaultValue} null makes it required. */
    public long integer(String key, Long defaultValue, long min, long max) {
        OptionalLong v = optionalInteger(key, min, max, "");
        if (v.isPresent()) {
            return v.getAsLong();
        }
        if (defaultValue == null) {
            throw invalid(key, null, integerAllowed(min, max, "") + " (required)");
        }
        return defaultValue;
    }

    /** An integer in {@code [min, max]}, or empty when absent; {@code note} is added to the allowed text. */
    public OptionalLong optionalInteger(String key, long min, long max, String note) {
        Object v = raw.get(key);
        if (v == null) {
            return OptionalLong.empty();
        }
        if (!(v instanceof Long n) || n < min || n > max) {
            throw invalid(key, v, integerAllowed(min, max, note));
        }
        return OptionalLong.of(n);
    }

    private static String integerAllowed(long min, long max, String note) {
        String range = max == Long.MAX_VALUE ? " >= " + min : " in [" + min + ", " + max + "]";
        return "an integer" + range + note;
    }

    /**
     * A finite number (TOML float or integer) within the given bounds.
     *
     * @param range the bounds as written in messages, e.g. {@code "in (0, 1]"} or {@code "> 0"}
     */
    public double real(String key, double defaultValue, double lo, boolean loInclusive, double hi, boolean hiInclusive,
                String range) {
        Object v = raw.get(key);
        if (v == null) {
            return defaultValue;
        }
        String allowed = "a number " + range;
        if (!(v instanceof Double || v instanceof Long)) {
            throw invalid(key, v, allowed);
        }
        double d = ((Number) v).doubleValue();
        boolean aboveLo = loInclusive ? d >= lo : d > lo;
        boolean belowHi = hiInclusive ? d <= hi : d < hi;
        if (!Double.isFinite(d) || !aboveLo || !belowHi) {
            throw invalid(key, v, allowed);
        }
        return d == 0.0 ? 0.0 : d;
    }

    /** A boolean. */
    public boolean bool(String key, boolean defaultValue) {
        Object v = raw.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof Boolean b)) {
            throw invalid(key, v, "true or false");
        }
        return b;
    }

    /**
     * An extension parameter sub-table ({@code [table.key]}), checked to hold only bare keys and
     * TOML scalars or arrays of them; empty when absent.
     */
    Map<String, Object> params(String key) {
        Object v = raw.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw invalid(key, v, "a table, written as [" + table + "." + key + "] with one line per parameter");
        }
        String sub = table + "." + key;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw new InvalidParameterException(file + " [" + sub + "]", name, e.getValue(),
                        "bare keys only (letters, digits, _ and -); quoted keys are not supported");
            }
            checkParamValue(sub, name, e.getValue(), e.getValue());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return RawValues.immutable(typed);
    }

    private void checkParamValue(String sub, String name, Object whole, Object value) {
        if (value instanceof List<?> list) {
            for (Object element : list) {
                checkParamValue(sub, name, whole, element);
            }
        } else if (!RawValues.isScalar(value) || value instanceof Double d && !Double.isFinite(d)) {
            throw new InvalidParameterException(file + " [" + sub + "]", name, whole,
                    "a string, integer, finite float, boolean or an array of these (no tables or dates)");
        }
    }

    // ---- framework keys declared in RecipeSchema ----

    private <T> T remember(RecipeKey key, T value) {
        read.put(key.name(), value);
        return value;
    }

    private Number derived(RecipeKey.Derived<Number> d) {
        return d.value().apply(read);
    }

    /** A string key ({@link RecipeKey.Type#TEXT}): any string, or one matching the key's pattern. */
    public String text(RecipeKey key) {
        String def = (String) key.fixedDefault();
        String s = key.pattern() == null ? string(key.name(), def) : matching(key.name(), def, key.pattern(), key.what());
        return remember(key, s);
    }

    /** A choice key; empty when it is absent and has no default. */
    public Optional<String> choice(RecipeKey key) {
        Optional<String> s = optionalChoice(key.name(), (String) key.fixedDefault(), key.choices());
        s.ifPresent(v -> remember(key, v));
        return s;
    }

    /** An integer key with a default (fixed or derived) or required. */
    public long integer(RecipeKey key) {
        long max = integerMax(key);
        OptionalLong v = optionalInteger(key.name(), (long) key.min(), max, key.note());
        if (v.isPresent()) {
            return remember(key, v.getAsLong());
        }
        if (key.fixedDefault() != null) {
            return remember(key, (Long) key.fixedDefault());
        }
        if (key.derivedDefault() != null) {
            return remember(key, derived(key.derivedDefault()).longValue());
        }
        throw invalid(key.name(), null, integerAllowed((long) key.min(), max, key.note()) + " (required)");
    }

    /** An integer key that may be left out without a default ({@link RecipeKey#optionalText()}). */
    public OptionalLong optionalInteger(RecipeKey key) {
        OptionalLong v = optionalInteger(key.name(), (long) key.min(), integerMax(key),
                " (default: " + key.optionalText() + ")");
        v.ifPresent(n -> remember(key, n));
        return v;
    }

    private long integerMax(RecipeKey key) {
        return key.derivedMax() != null ? derived(key.derivedMax()).longValue() : (long) key.max();
    }

    /** A real key with a default (fixed or derived). */
    public double real(RecipeKey key) {
        double def;
        if (key.fixedDefault() != null) {
            def = (Double) key.fixedDefault();
        } else if (key.derivedDefault() != null && !has(key.name())) {
            def = derived(key.derivedDefault()).doubleValue();
        } else if (!has(key.name())) {
            throw invalid(key.name(), null, "a number " + key.realRange() + key.note() + " (required)");
        } else {
            def = Double.NaN;
        }
        return remember(key, real(key.name(), def, key.min(), key.minInclusive(), key.max(), key.maxInclusive(),
                key.realRange() + key.note()));
    }

    /** A boolean key. */
    public boolean bool(RecipeKey key) {
        return remember(key, bool(key.name(), (Boolean) key.fixedDefault()));
    }

    /** An extension parameter sub-table key. */
    Map<String, Object> params(RecipeKey key) {
        return params(key.name());
    }

    private static String quoted(List<String> choices) {
        return String.join(", ", choices.stream().map(c -> "\"" + c + "\"").toList());
    }
}
