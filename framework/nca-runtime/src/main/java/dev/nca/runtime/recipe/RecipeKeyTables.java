package dev.nca.runtime.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the key tables of {@code docs/recipes.md} from {@link RecipeSchema}: one Markdown table
 * (key, type, default, allowed, meaning) per recipe table. In the docs each generated table sits
 * between a {@link #begin(String) begin marker} and {@link #END}; {@link #update(String)} replaces
 * what is between them, leaving the prose around the tables alone.
 */
public final class RecipeKeyTables {

    /** The line that ends a generated table. */
    public static final String END = "<!-- end of generated table -->";

    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- generated from RecipeSchema: \\[([a-z]+)\\][^\\n]*-->\\n)(.*?)(" + Pattern.quote(END) + ")",
            Pattern.DOTALL);

    private RecipeKeyTables() {
    }

    /** The line that starts the generated table of {@code table} (e.g. {@code "model"}). */
    public static String begin(String table) {
        return "<!-- generated from RecipeSchema: [" + table + "]; edit RecipeSchema.java, not this table -->";
    }

    /**
     * The docs text with every generated table replaced by the one the schema gives now.
     *
     * @throws IllegalArgumentException when a table of the schema has no markers in the text, or
     *                                  markers name a table the schema does not have
     */
    public static String update(String docs) {
        Matcher m = BLOCK.matcher(docs);
        StringBuilder out = new StringBuilder();
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            String table = m.group(2);
            if (!RecipeSchema.BY_TABLE.containsKey(table)) {
                throw new IllegalArgumentException("generated-table marker for unknown table [" + table + "]");
            }
            seen.add(table);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + markdown(table) + m.group(4)));
        }
        m.appendTail(out);
        List<String> missing = RecipeSchema.BY_TABLE.keySet().stream().filter(t -> !seen.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no generated-table markers for " + missing + "; add a line "
                    + begin(missing.get(0)) + " followed by " + END);
        }
        return out.toString();
    }

    /** The Markdown table of one recipe table's keys, ending with a newline. */
    public static String markdown(String table) {
        StringBuilder out = new StringBuilder("| key | type | default | allowed | meaning |\n|---|---|---|---|---|\n");
        for (RecipeKey key : RecipeSchema.BY_TABLE.get(table)) {
            String allowed = allowed(key);
            out.append("| `").append(key.name()).append("` | ").append(type(key)).append(" | ")
                    .append(defaultText(key)).append(" |").append(allowed.isEmpty() ? "" : " " + allowed).append(" | ")
                    .append(key.description()).append(" |\n");
        }
        return out.toString();
    }

    private static String type(RecipeKey key) {
        return key.type() == RecipeKey.Type.TABLE ? "table `[" + key.path() + "]`" : key.type().docName();
    }

    private static String defaultText(RecipeKey key) {
        if (key.type() == RecipeKey.Type.TABLE) {
            return "empty";
        }
        if (key.optionalText() != null) {
            return key.optionalText();
        }
        if (key.derivedDefault() != null) {
            return "`" + key.derivedDefault().text() + "`";
        }
        Object v = key.fixedDefault();
        if (v == null) {
            return "required";
        }
        if (v instanceof String s) {
            return "`\"" + s + "\"`";
        }
        return "`" + (v instanceof Double d ? number(d) : v) + "`";
    }

    private static String allowed(RecipeKey key) {
        if (key.allowedDoc() != null) {
            return key.allowedDoc();
        }
        return switch (key.type()) {
            case INTEGER -> integerRange(key);
            case REAL -> key.realRange().replaceFirst("^in ", "");
            case CHOICE -> String.join(", ", key.choices().stream().map(c -> "`\"" + c + "\"`").toList());
            case TEXT -> key.pattern() == null ? "any" : key.what();
            case BOOLEAN, TABLE -> "";
        };
    }

    private static String integerRange(RecipeKey key) {
        long min = (long) key.min();
        if (key.derivedMax() != null) {
            return min + "..`" + key.derivedMax().text() + "`";
        }
        long max = (long) key.max();
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return "any 64-bit integer";
        }
        return max == Long.MAX_VALUE ? ">= " + min : min + ".." + max;
    }

    /** A double as the docs write it: {@code 1.0}, {@code 0.001}, {@code 1e-7}. */
    static String number(double d) {
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e).replaceFirst("\\.0$", "");
        return mantissa + "e" + s.substring(e + 1);
    }
}
