package dev.nca.runtime.sweep;

import java.util.List;

/**
 * One axis of a sweep: a name used in point names and report columns, the recipe keys it sets
 * (all to the same value, e.g. {@code data.params.save_every} and {@code training.frame_spacing}
 * for the time sampling t) and its values (raw TOML values: Long, Double, Boolean, String or lists).
 *
 * @param name   lower-case letters, digits, {@code _} and {@code -}
 * @param keys   recipe keys as {@code --set} takes them, at least one
 * @param values at least one value
 */
public record Axis(String name, List<String> keys, List<Object> values) {

    public Axis {
        keys = List.copyOf(keys);
        values = List.copyOf(values);
    }
}
