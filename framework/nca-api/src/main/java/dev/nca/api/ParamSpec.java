package dev.nca.api;

import java.util.List;
import java.util.Objects;

/**
 * Declares one recipe parameter of an extension: its name, type, default, allowed range or
 * choices, and a description for the docs.
 *
 * @param name         the recipe key (snake_case)
 * @param type         the value type
 * @param defaultValue the default, or {@code null} when the key is required
 * @param min          the smallest allowed number (inclusive) for numeric types, or {@code null}
 * @param max          the largest allowed number (inclusive) for numeric types, or {@code null}
 * @param choices      the allowed strings for {@link ParamType#TEXT}, empty for any string
 * @param description  one line for {@code nca plugins} and the docs
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, Double min, Double max,
                        List<String> choices, String description) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
        description = description == null ? "" : description;
    }

    /** An integer parameter in {@code [min, max]}. */
    public static ParamSpec integer(String name, Long defaultValue, long min, long max, String description) {
        return new ParamSpec(name, ParamType.INTEGER, defaultValue, (double) min, (double) max, List.of(), description);
    }

    /** A real parameter in {@code [min, max]}. */
    public static ParamSpec real(String name, Double defaultValue, double min, double max, String description) {
        return new ParamSpec(name, ParamType.REAL, defaultValue, min, max, List.of(), description);
    }

    /** A boolean parameter. */
    public static ParamSpec bool(String name, Boolean defaultValue, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, null, null, List.of(), description);
    }

    /** A string parameter restricted to {@code choices} (any string when empty). */
    public static ParamSpec text(String name, String defaultValue, List<String> choices, String description) {
        return new ParamSpec(name, ParamType.TEXT, defaultValue, null, null, choices, description);
    }

    /** An array of numbers, each in {@code [min, max]}. */
    public static ParamSpec realList(String name, double[] defaultValue, double min, double max, String description) {
        return new ParamSpec(name, ParamType.REAL_LIST, defaultValue == null ? null : defaultValue.clone(), min, max,
                List.of(), description);
    }

    /** An array of strings. */
    public static ParamSpec textList(String name, List<String> defaultValue, String description) {
        return new ParamSpec(name, ParamType.TEXT_LIST, defaultValue, null, null, List.of(), description);
    }

    /** Whether the recipe must give this key. */
    public boolean required() {
        return defaultValue == null;
    }

    /** Human-readable statement of what values are allowed, used in error messages. */
    public String allowed() {
        String what = switch (type) {
            case INTEGER -> "an integer";
            case REAL -> "a number";
            case BOOLEAN -> "true or false";
            case TEXT -> choices.isEmpty() ? "a string" : "one of " + choices;
            case REAL_LIST -> "an array of numbers";
            case TEXT_LIST -> "an array of strings";
        };
        if (min != null && max != null) {
            what += " in [" + fmt(min) + ", " + fmt(max) + "]";
        } else if (min != null) {
            what += " >= " + fmt(min);
        } else if (max != null) {
            what += " <= " + fmt(max);
        }
        return what;
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
