package dev.nca.api;

/**
 * A recipe value that is missing, of the wrong type or out of range. The message names the
 * source (file and table), the key, the offending value and what is allowed.
 */
public class InvalidParameterException extends NcaException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String key;

    public InvalidParameterException(String source, String key, Object value, String allowed) {
        super(format(source, key, value, allowed));
        this.source = source;
        this.key = key;
    }

    private static String format(String source, String key, Object value, String allowed) {
        String shown = value == null ? "(missing)" : describe(value);
        return source + ": key '" + key + "' has value " + shown + "; allowed: " + allowed;
    }

    static String describe(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof double[] numbers) {
            return java.util.Arrays.toString(numbers);
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(InvalidParameterException::describe)
                    .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    /** Where the bad value came from, e.g. {@code "recipe.toml [data.params]"}. */
    public String source() {
        return source;
    }

    /** The offending key. */
    public String key() {
        return key;
    }
}
