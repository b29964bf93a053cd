package dev.nca.runtime.sweep;

import dev.nca.runtime.recipe.Recipe;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep: its folder name, the axis values that define it, its seed and the fully
 * resolved recipe it trains.
 *
 * @param name   stable, readable and safe as a folder name, e.g. {@code t-32_seed-2}
 * @param values axis name to value, in axis order
 * @param seed   the point's {@code experiment.seed}
 * @param recipe the resolved recipe
 */
public record SweepPoint(String name, Map<String, Object> values, long seed, Recipe recipe) {

    public SweepPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
