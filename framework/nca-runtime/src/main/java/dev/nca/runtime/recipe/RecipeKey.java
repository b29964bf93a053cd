package dev.nca.runtime.recipe;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * One key of the framework's own recipe tables, declared once in {@link RecipeSchema}: its table,
 * name, type, default, allowed values and description. The loader validates with it
 * ({@link TableReader#integer(RecipeKey)} and friends), {@link RecipeWriter} writes the resolved
 * value it names, and {@link RecipeKeyTables} renders the key tables of {@code docs/recipes.md}.
 *
 * <p>Why not {@link dev.nca.api.ParamSpec}: extension parameters are self-contained, but framework
 * keys are not. Their defaults and bounds may depend on other keys of the table ({@code hidden}
 * defaults to {@code 4 * channels}, {@code observable} is at most {@code channels}), real bounds
 * may be exclusive ({@code update_probability} in (0, 1]), strings are checked against patterns
 * (extension names, memory sizes), four keys are extension parameter sub-tables, and the writer
 * needs to know where the resolved value lives in {@link Recipe}. Widening the public
 * {@code ParamSpec} of nca-api for these would change the plugin API for the framework's sake.
 *
 * @param table       the table, e.g. {@code "model"}
 * @param name        the key, e.g. {@code "hidden"}
 * @param type        what kind of value it takes
 * @param fixedDefault the default (Long, Double, Boolean or String), or null when the key is
 *                    required, optional or has a {@link #derivedDefault}
 * @param derivedDefault the default computed from keys read before it in the same table, or null
 * @param optionalText for a key that may be left out without a default (resolved elsewhere, e.g.
 *                    from the dataset's hint): what is used then, for docs and messages; else null
 * @param min         integers: the smallest value; reals: the lower bound
 * @param minInclusive reals: whether {@code min} itself is allowed
 * @param max         integers: the largest value; reals: the upper bound
 * @param maxInclusive reals: whether {@code max} itself is allowed
 * @param derivedMax  integers: the largest value computed from keys read before it, or null
 * @param choices     {@link Type#CHOICE}: the allowed strings
 * @param pattern     {@link Type#TEXT}: what the string must match, or null for any string
 * @param what        {@link Type#TEXT}: how error messages describe the allowed strings
 * @param note        text added to "allowed" in error messages (e.g. what 0 means), or ""
 * @param allowedDoc  the docs' "allowed" column when it is not derived from the bounds, or null
 * @param description the docs' "meaning" column (Markdown)
 * @param written     the resolved value the writer emits, empty when the key is left out (keys whose
 *                    value may be left out declare it with {@link #writtenWhen}; the factories then take null)
 */
public record RecipeKey(String table, String name, Type type, Object fixedDefault, Derived<Number> derivedDefault,
                        String optionalText, double min, boolean minInclusive, double max, boolean maxInclusive,
                        Derived<Number> derivedMax, List<String> choices, Pattern pattern, String what,
                        String note, String allowedDoc, String description,
                        Function<Recipe, Optional<?>> written) {

    /** The kinds of framework keys. */
    public enum Type {
        /** A string, optionally matching a pattern. */
        TEXT("string"),
        /** One of a list of strings. */
        CHOICE("string"),
        /** A TOML integer. */
        INTEGER("integer"),
        /** A finite TOML float or integer. */
        REAL("number"),
        /** {@code true} or {@code false}. */
        BOOLEAN("boolean"),
        /** An extension parameter sub-table, validated by the extension. */
        TABLE("table");

        private final String docName;

        Type(String docName) {
            this.docName = docName;
        }

        /** The name in the docs' "type" column. */
        public String docName() {
            return docName;
        }
    }

    /**
     * A value computed from the keys read before it in the same table.
     *
     * @param text  how the docs and messages write it, e.g. {@code "4 * channels"}
     * @param value the value, from the table's values read so far (key to Long, Double, ...)
     */
    public record Derived<T>(String text, Function<Map<String, Object>, T> value) {
        public Derived {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(value, "value");
        }
    }

    public RecipeKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(written, "written");
    }

    /** {@code "table.name"}, the path {@code --set} takes. */
    public String path() {
        return table + "." + name;
    }

    /** Whether the recipe must give this key. */
    public boolean required() {
        return fixedDefault == null && derivedDefault == null && optionalText == null && type != Type.TABLE;
    }

    /**
     * How a real key's bounds read in messages: {@code "in (0, 1]"}, {@code "in [0, 1)"}, or
     * {@code "> 0"} / {@code ">= 0"} when there is no upper bound.
     */
    String realRange() {
        if (max == Double.MAX_VALUE) {
            return (minInclusive ? ">= " : "> ") + number(min);
        }
        return "in " + (minInclusive ? "[" : "(") + number(min) + ", " + number(max) + (maxInclusive ? "]" : ")");
    }

    /** A bound as written in messages and docs: {@code 0}, {@code 1}, {@code 0.5}. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    // ---- declaration helpers, used by RecipeSchema ----

    static RecipeKey text(String table, String name, String fixedDefault, Pattern pattern, String what,
                          String description, Function<Recipe, Object> written) {
        return new RecipeKey(table, name, Type.TEXT, fixedDefault, null, null, 0, true, 0, true, null, List.of(),
                pattern, what, "", null, description, always(written));
    }

    static RecipeKey choice(String table, String name, String fixedDefault, List<String> choices,
                            String description, Function<Recipe, Object> written) {
        return new RecipeKey(table, name, Type.CHOICE, fixedDefault, null, null, 0, true, 0, true, null, choices,
                null, null, "", null, description, always(written));
    }

    static RecipeKey integer(String table, String name, Long fixedDefault, long min, long max, String description,
                             ToLongFunction<Recipe> written) {
        return new RecipeKey(table, name, Type.INTEGER, fixedDefault, null, null, min, true, max, true, null,
                List.of(), null, null, "", null, description, r -> Optional.of(written.applyAsLong(r)));
    }

    static RecipeKey real(String table, String name, Double fixedDefault, double min, boolean minInclusive,
                          double max, boolean maxInclusive, String description, ToDoubleFunction<Recipe> written) {
        return new RecipeKey(table, name, Type.REAL, fixedDefault, null, null, min, minInclusive, max, maxInclusive,
                null, List.of(), null, null, "", null, description, r -> Optional.of(written.applyAsDouble(r)));
    }

    static RecipeKey bool(String table, String name, boolean fixedDefault, String description,
                          Function<Recipe, Object> written) {
        return new RecipeKey(table, name, Type.BOOLEAN, fixedDefault, null, null, 0, true, 0, true, null, List.of(),
                null, null, "", null, description, always(written));
    }

    static RecipeKey table(String table, String name, String description, Function<Recipe, Object> written) {
        return new RecipeKey(table, name, Type.TABLE, null, null, null, 0, true, 0, true, null, List.of(), null,
                null, "", null, description, always(written));
    }

    private static Function<Recipe, Optional<?>> always(Function<Recipe, Object> written) {
        return r -> Optional.of(written.apply(r));
    }

    /** This key, defaulting to a value computed from keys read before it. */
    RecipeKey derivedDefault(String text, Function<Map<String, Object>, Number> value) {
        return new RecipeKey(table, name, type, null, new Derived<>(text, value), optionalText, min, minInclusive,
                max, maxInclusive, derivedMax, choices, pattern, what, note, allowedDoc, description, written);
    }

    /** This key, optional without a default: {@code text} says what is used when it is absent. */
    RecipeKey optional(String text) {
        return new RecipeKey(table, name, type, null, derivedDefault, text, min, minInclusive, max, maxInclusive,
                derivedMax, choices, pattern, what, note, allowedDoc, description, written);
    }

    /** This integer key, at most a value computed from keys read before it. */
    RecipeKey derivedMax(String text, Function<Map<String, Object>, Number> value) {
        return new RecipeKey(table, name, type, fixedDefault, derivedDefault, optionalText, min, minInclusive, max,
                maxInclusive, new Derived<>(text, value), choices, pattern, what, note, allowedDoc, description,
                written);
    }

    /** This key, with {@code note} added to "allowed" in error messages. */
    RecipeKey note(String text) {
        return new RecipeKey(table, name, type, fixedDefault, derivedDefault, optionalText, min, minInclusive, max,
                maxInclusive, derivedMax, choices, pattern, what, text, allowedDoc, description, written);
    }

    /** This key, with the docs' "allowed" column written out. */
    RecipeKey allowedDoc(String text) {
        return new RecipeKey(table, name, type, fixedDefault, derivedDefault, optionalText, min, minInclusive, max,
                maxInclusive, derivedMax, choices, pattern, what, note, text, description, written);
    }

    /** This key, written only when {@code written} gives a value. */
    RecipeKey writtenWhen(Function<Recipe, Optional<?>> when) {
        return new RecipeKey(table, name, type, fixedDefault, derivedDefault, optionalText, min, minInclusive, max,
                maxInclusive, derivedMax, choices, pattern, what, note, allowedDoc, description, when);
    }
}
