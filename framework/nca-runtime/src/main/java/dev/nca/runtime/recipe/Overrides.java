package dev.nca.runtime.recipe;

import com.moandjiezana.toml.Toml;
import dev.nca.api.NcaException;
import dev.nca.runtime.Suggestions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies command-line overrides ({@code --set training.epochs=10}) to a parsed recipe before it
 * is validated. A path is {@code table.key} for a key of the recipe schema, or
 * {@code table.params_table.key} for a key of an extension parameter table (checked later by the
 * extension). The value is read as a TOML value ({@code 10}, {@code 1e-3}, {@code true},
 * {@code "text"}, {@code [1, 2]}); a value that is not valid TOML is taken as a plain string, so
 * {@code --set model.boundary=zero} works without quotes.
 */
final class Overrides {

    private Overrides() {
    }

    /**
     * @param document  the parsed recipe (top-level tables as mutable maps); modified in place
     * @param overrides path to value text, in the order given
     * @return for each overridden path ({@code "table.key"} or {@code "table.sub.key"}) the option text
     *         ({@code "--set table.key=value"}), for messages
     * @throws NcaException naming the option and the allowed keys when a path is not valid
     */
    static Map<String, String> apply(Map<String, Object> document, Map<String, String> overrides) {
        return apply(document, overrides, "--set ");
    }

    /**
     * As {@link #apply(Map, Map)}, naming each override in messages as {@code origin + path=value}
     * (e.g. origin {@code "studies/t.toml [axes.t] "} for an override from a sweep file).
     */
    static Map<String, String> apply(Map<String, Object> document, Map<String, String> overrides, String origin) {
        Map<String, String> applied = new LinkedHashMap<>();
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            String path = o.getKey().strip();
            String option = origin + path + "=" + o.getValue();
            String[] parts = path.split("\\.", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw new NcaException(option + ": the key must be a dotted path table.key (e.g. training.epochs)"
                        + " or table.params_table.key (e.g. data.params.size); tables: " + RecipeSchema.tableList());
            }
            String table = parts[0];
            List<String> keys = RecipeSchema.TABLES.get(table);
            if (keys == null) {
                throw new NcaException(option + ": there is no table [" + table + "]"
                        + Suggestions.didYouMean(table, RecipeSchema.TABLES.keySet(), "") + "; tables: "
                        + RecipeSchema.tableList());
            }
            String key = parts[1];
            if (!keys.contains(key)) {
                throw new NcaException(option + ": [" + table + "] has no key '" + key + "'"
                        + Suggestions.didYouMean(key, keys, "'") + "; allowed keys: " + String.join(", ", keys));
            }
            boolean paramTable = RecipeSchema.isParamTable(table, key);
            if (paramTable != (parts.length == 3)) {
                throw new NcaException(option + (paramTable
                        ? ": '" + key + "' is a table; set one of its keys as " + table + "." + key + ".<key>"
                        : ": '" + key + "' is a plain key of [" + table + "]; write " + table + "." + key + "=<value>"));
            }
            if (paramTable && !parts[2].matches("[A-Za-z0-9_-]+")) {
                throw new NcaException(option + ": parameter names are bare keys (letters, digits, _ and -)");
            }
            Object value = parseValue(option, o.getValue());
            Map<String, Object> target = table(document, table, option);
            if (paramTable) {
                target = table(target, key, option);
                target.put(parts[2], value);
                applied.put(table + "." + key + "." + parts[2], option);
            } else {
                target.put(key, value);
                applied.put(table + "." + key, option);
            }
        }
        return applied;
    }

    /** The (mutable) table {@code name} of {@code document}, created when absent. */
    private static Map<String, Object> table(Map<String, Object> document, String name, String option) {
        Object existing = document.get(name);
        if (existing == null) {
            Map<String, Object> created = new HashMap<>();
            document.put(name, created);
            return created;
        }
        if (!(existing instanceof Map<?, ?>)) {
            throw new NcaException(option + ": the recipe's '" + name + "' is not a table");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) existing;
        return map;
    }

    /** The value of an override: a TOML value, or the text itself when it is not one. */
    static Object parseValue(String option, String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new NcaException(option + ": the value is empty; allowed: a TOML value such as 10, 1e-3, true,"
                    + " \"text\" or [1, 2]");
        }
        String line = "v = " + trimmed;
        TomlPrescan.check(line, option);
        Object value;
        try {
            value = new Toml().read(line).toMap().get("v");
        } catch (RuntimeException notToml) {
            value = null;
        }
        if (value == null) {
            if (trimmed.startsWith("\"") || trimmed.startsWith("'") || trimmed.startsWith("[")
                    || trimmed.startsWith("{")) {
                throw new NcaException(option + ": the value " + trimmed + " is not valid TOML; allowed: a TOML"
                        + " value such as 10, 1e-3, true, \"text\" or [1, 2]");
            }
            return trimmed;
        }
        return value;
    }
}
