package dev.nca.runtime.recipe;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Recipe} as TOML: every key of {@link RecipeSchema} with its resolved value
 * (defaults filled in, overrides applied), in the schema's order, extension parameter tables as
 * given after their table's keys, optional keys only when set. The text
 * reads back through {@link RecipeLoader} to an equal recipe. Floats are written as plain decimals
 * (TOML4J reads exponent notation inexactly), so every double reads back bit for bit.
 */
public final class RecipeWriter {

    private RecipeWriter() {
    }

    /** The recipe as TOML text. */
    public static String toToml(Recipe recipe) {
        StringBuilder out = new StringBuilder();
        out.append("# Resolved recipe (defaults filled in, overrides applied) from ").append(recipe.source()).append('\n');

        RecipeSchema.BY_TABLE.forEach((table, keys) -> {
            table(out, table);
            for (RecipeKey key : keys) {
                if (key.type() != RecipeKey.Type.TABLE) {
                    key.written().apply(recipe).ifPresent(value -> key(out, key.name(), value));
                }
            }
            for (RecipeKey key : keys) {
                if (key.type() == RecipeKey.Type.TABLE) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> params = (Map<String, Object>) key.written().apply(recipe).orElseThrow();
                    params(out, key.path(), params);
                }
            }
        });
        return out.toString();
    }

    /** Writes {@link #toToml(Recipe)} to a file (UTF-8), replacing it if present. */
    public static void write(Recipe recipe, Path file) throws IOException {
        Files.writeString(file, toToml(recipe), StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder out, String name) {
        out.append('\n').append('[').append(name).append("]\n");
    }

    private static void params(StringBuilder out, String name, Map<String, Object> params) {
        if (params.isEmpty()) {
            return;
        }
        table(out, name);
        params.forEach((k, v) -> key(out, k, v));
    }

    private static void key(StringBuilder out, String key, Object value) {
        out.append(key).append(" = ").append(value(value)).append('\n');
    }

    /** One TOML value: string, Long, Double, Boolean or a list of these. */
    public static String value(Object value) {
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Double d) {
            return real(d);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(value(list.get(i)));
            }
            return sb.append(']').toString();
        }
        throw new IllegalArgumentException("cannot write a value of type "
                + (value == null ? "null" : value.getClass().getName()) + " as TOML");
    }

    private static String real(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("cannot write the non-finite number " + d + " as TOML 0.4");
        }
        if (d == 0.0) {
            return "0.0";
        }
        String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
