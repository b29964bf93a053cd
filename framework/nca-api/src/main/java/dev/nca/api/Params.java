package dev.nca.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Validated, immutable parameter values of one extension, with defaults filled in.
 *
 * <p>Create with {@link #validate(List, Map, String)}: it rejects unknown keys, missing required
 * keys, wrong types and out-of-range values with an {@link InvalidParameterException} that names
 * the source, the key, the value and what is allowed. Integers are held as {@code long}, reals as
 * {@code double}, real arrays as {@code double[]}, string arrays as {@code List<String>}.
 */
public final class Params {

    private final String source;
    private final Map<String, Object> values;

    private Params(String source, Map<String, Object> values) {
        this.source = source;
        this.values = Collections.unmodifiableMap(values);
    }

    /** No parameters at all, from the given source. */
    public static Params empty(String source) {
        return new Params(source, new LinkedHashMap<>());
    }

    /**
     * Checks raw recipe values against specs.
     *
     * @param specs  what the extension accepts
     * @param raw    the raw values as parsed from TOML (Long, Double, Boolean, String, List)
     * @param source where the values come from, for messages, e.g. {@code "a.toml [data.params]"}
     * @return the validated values with defaults filled in
     * @throws InvalidParameterException on the first problem found
     */
    public static Params validate(List<ParamSpec> specs, Map<String, ?> raw, String source) {
        Objects.requireNonNull(specs, "specs");
        Map<String, ?> given = raw == null ? Map.of() : raw;
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            byName.put(s.name(), s);
        }
        for (String key : new TreeSet<>(given.keySet())) {
            if (!byName.containsKey(key)) {
                throw new InvalidParameterException(source, key, given.get(key),
                        byName.isEmpty() ? "no parameters (remove the key)" : "one of the known keys " + byName.keySet());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            Object v = given.get(s.name());
            if (v == null) {
                if (s.required()) {
                    throw new InvalidParameterException(source, s.name(), null, s.allowed() + " (required)");
                }
                out.put(s.name(), s.defaultValue());
            } else {
                out.put(s.name(), coerce(s, v, source));
            }
        }
        return new Params(source, out);
    }

    private static Object coerce(ParamSpec s, Object v, String source) {
        switch (s.type()) {
            case INTEGER -> {
                if (!(v instanceof Long || v instanceof Integer)) {
                    throw new InvalidParameterException(source, s.name(), v, s.allowed());
                }
                long n = ((Number) v).longValue();
                checkRange(s, n, v, source);
                return n;
            }
            case REAL -> {
                if (!(v instanceof Number)) {
                    throw new InvalidParameterException(source, s.name(), v, s.allowed());
                }
                double d = ((Number) v).doubleValue();
                if (!Double.isFinite(d)) {
                    throw new InvalidParameterException(source, s.name(), v, s.allowed() + " (finite)");
                }
                checkRange(s, d, v, source);
                return d;
            }
            case BOOLEAN -> {
                if (!(v instanceof Boolean)) {
                    throw new InvalidParameterException(source, s.name(), v, s.allowed());
                }
                return v;
            }
            case TEXT -> {
                if (!(v instanceof String str)) {
                    throw new InvalidParameterException(source, s.name(), v, s.allowed());
                }
                if (!s.choices().isEmpty() && !s.choices().contains(str)) {
                    throw new InvalidParameterException(source, s.name(), v, s.allowed());
                }
                return str;
            }
            case REAL_LIST -> {
                if (!(v instanceof List<?> list)) {
                    throw new InvalidParameterException(source, s.name(), v, s.allowed());
                }
                double[] arr = new double[list.size()];
                for (int i = 0; i < arr.length; i++) {
                    if (!(list.get(i) instanceof Number num) || !Double.isFinite(num.doubleValue())) {
                        throw new InvalidParameterException(source, s.name(), v, s.allowed());
                    }
                    arr[i] = num.doubleValue();
                    checkRange(s, arr[i], v, source);
                }
                return arr;
            }
            case TEXT_LIST -> {
                if (!(v instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                    throw new InvalidParameterException(source, s.name(), v, s.allowed());
                }
                return list.stream().map(String.class::cast).toList();
            }
            default -> throw new IllegalStateException("unhandled parameter type " + s.type());
        }
    }

    private static void checkRange(ParamSpec s, double d, Object raw, String source) {
        if ((s.min() != null && d < s.min()) || (s.max() != null && d > s.max())) {
            throw new InvalidParameterException(source, s.name(), raw, s.allowed());
        }
    }

    /** Where these values came from, for messages. */
    public String source() {
        return source;
    }

    /** Whether a value (given or default) exists for the key. */
    public boolean has(String key) {
        return values.get(key) != null;
    }

    /** All values by key (defaults included); arrays are not copied, do not modify them. */
    public Map<String, Object> asMap() {
        return values;
    }

    public long getLong(String key) {
        return (Long) require(key);
    }

    /** An integer value that must fit an {@code int}; the spec's range should guarantee it. */
    public int getInt(String key) {
        return Math.toIntExact(getLong(key));
    }

    public double getDouble(String key) {
        return (Double) require(key);
    }

    public boolean getBoolean(String key) {
        return (Boolean) require(key);
    }

    public String getString(String key) {
        return (String) require(key);
    }

    /** A real array (a copy). */
    public double[] getDoubles(String key) {
        return ((double[]) require(key)).clone();
    }

    @SuppressWarnings("unchecked")
    public List<String> getStrings(String key) {
        return (List<String>) require(key);
    }

    /**
     * An error about a value of these parameters that passed the per-key checks but is wrong in
     * combination (e.g. {@code min > max}); throw the result.
     */
    public InvalidParameterException invalid(String key, String allowed) {
        return new InvalidParameterException(source, key, values.get(key), allowed);
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException(source + ": no parameter '" + key + "' is declared or set");
        }
        return v;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(v instanceof double[] d ? Arrays.toString(d) : v);
        });
        return sb.append('}').toString();
    }
}
