package dev.nca.runtime.sweep;

import dev.nca.api.NcaException;
import dev.nca.runtime.recipe.Recipe;
import dev.nca.runtime.recipe.RecipeLoader;
import dev.nca.runtime.recipe.RecipeWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Expands a sweep into its points: the grid (every combination, the first axis varying slowest) or
 * the zip (the i-th value of every axis together) of the axes, times the seeds. Each point's
 * recipe is the base recipe with the sweep's fixed overrides, the axis values and the seed applied
 * exactly as {@code --set} would apply them, then validated as any recipe is.
 *
 * <p>Point names are {@code axis-value} parts joined by {@code _}, then {@code seed-N}, e.g.
 * {@code t-32_seed-2}. Values are written as in TOML and reduced to lower-case letters, digits,
 * {@code .}, {@code +} and {@code -}, so a name never contains a path separator and always starts
 * with an axis name (never {@code .} or {@code ..}): it cannot leave the sweep folder.
 */
public final class PointExpander {

    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9.+-]+");
    private static final String SEED_KEY = "experiment.seed";

    private PointExpander() {
    }

    /**
     * @return the points in a stable order
     * @throws NcaException naming the sweep file and point when a key or value is not valid for the recipe,
     *                      or when two points would get the same name
     */
    public static List<SweepPoint> expand(SweepSpec spec) {
        String baseText = readBase(spec);
        String baseSource = spec.recipe().toString();
        List<Map<String, Object>> combinations = combinations(spec);
        List<SweepPoint> points = new ArrayList<>();
        Map<String, Map<String, Object>> names = new HashMap<>();
        for (Map<String, Object> values : combinations) {
            for (Long seed : spec.seeds().isEmpty() ? java.util.Collections.<Long>singletonList(null) : spec.seeds()) {
                Map<String, String> overrides = overrides(spec, values, seed);
                String name = name(values, seed);
                Recipe recipe = RecipeLoader.parse(baseText, baseSource, overrides,
                        spec.source() + " (point " + name + "): ");
                Map<String, Object> previous = names.put(name, values);
                if (previous != null) {
                    throw new NcaException(spec.source() + ": the points " + previous + " and " + values
                            + " get the same name '" + name + "'; make the axis values differ in letters or digits");
                }
                points.add(new SweepPoint(name, values, recipe.experiment().seed(), recipe));
            }
        }
        return points;
    }

    private static String readBase(SweepSpec spec) {
        try {
            return Files.readString(spec.recipe(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NcaException(spec.source() + " [sweep] recipe: the base recipe " + spec.recipe()
                    + " does not exist (the path is relative to the sweep file's folder)");
        } catch (IOException e) {
            throw new NcaException(spec.source() + " [sweep] recipe: cannot read " + spec.recipe() + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<Map<String, Object>> combinations(SweepSpec spec) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        if (spec.zip()) {
            out.clear();
            int n = spec.axes().isEmpty() ? 1 : spec.axes().get(0).values().size();
            for (int i = 0; i < n; i++) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (Axis axis : spec.axes()) {
                    values.put(axis.name(), axis.values().get(i));
                }
                out.add(values);
            }
            return out;
        }
        for (Axis axis : spec.axes()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : out) {
                for (Object value : axis.values()) {
                    Map<String, Object> values = new LinkedHashMap<>(partial);
                    values.put(axis.name(), value);
                    next.add(values);
                }
            }
            out = next;
        }
        return out;
    }

    private static Map<String, String> overrides(SweepSpec spec, Map<String, Object> values, Long seed) {
        Map<String, String> overrides = new LinkedHashMap<>(spec.fixed());
        for (Axis axis : spec.axes()) {
            for (String key : axis.keys()) {
                if (overrides.containsKey(key.strip()) || key.strip().equals(SEED_KEY) && seed != null) {
                    throw new NcaException(spec.source() + " [axes." + axis.name() + "]: the key " + key
                            + " is also set by another axis, by [sweep] set or by [sweep] seeds; set each key once");
                }
                overrides.put(key.strip(), RecipeWriter.value(values.get(axis.name())));
            }
        }
        if (seed != null) {
            overrides.put(SEED_KEY, Long.toString(seed));
        }
        return overrides;
    }

    /** The point name for axis values and a seed (null: the recipe's own seed, not part of the name). */
    static String name(Map<String, Object> values, Long seed) {
        List<String> parts = new ArrayList<>();
        values.forEach((axis, value) -> parts.add(axis + "-" + valueText(value)));
        if (seed != null) {
            parts.add("seed-" + seed);
        }
        return String.join("_", parts);
    }

    private static String valueText(Object value) {
        String text = value instanceof String s ? s : RecipeWriter.value(value);
        String safe = UNSAFE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-");
        return safe.isEmpty() ? "x" : safe;
    }
}
