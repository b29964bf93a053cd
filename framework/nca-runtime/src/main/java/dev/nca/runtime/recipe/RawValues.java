package dev.nca.runtime.recipe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Helpers for the raw TOML values kept in extension parameter tables: Long, Double, Boolean,
 * String, and (possibly nested) lists of these.
 */
final class RawValues {

    private RawValues() {
    }

    /** An immutable copy sorted by key; lists are copied deeply. */
    static Map<String, Object> immutable(Map<String, Object> raw) {
        if (raw == null) {
            return Map.of();
        }
        TreeMap<String, Object> copy = new TreeMap<>();
        raw.forEach((k, v) -> copy.put(k, copyValue(k, v)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(String key, Object value) {
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(copyValue(key, element));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Double d && d == 0.0) {
            return 0.0; // TOML4J reads -0.0 as 0.0: normalise so that written recipes read back equal
        }
        if (isScalar(value)) {
            return value;
        }
        throw new IllegalArgumentException("parameter " + key + " has a value of unsupported type "
                + (value == null ? "null" : value.getClass().getName()));
    }

    /** Whether the value is a TOML scalar this framework keeps: Long, Double, Boolean or String. */
    static boolean isScalar(Object value) {
        return value instanceof Long || value instanceof Double || value instanceof Boolean || value instanceof String;
    }
}
