package dev.nca.runtime.plugin;

import java.util.Objects;

/**
 * What the host knows about one loaded plugin, for provenance and {@code nca plugins}.
 *
 * @param id          the {@code Plugin-Id}
 * @param version     the {@code Plugin-Version}
 * @param provider    the {@code Plugin-Provider}, or the empty string
 * @param description the {@code Plugin-Description}, or the empty string
 * @param state       the PF4J state at the time of the snapshot, lower case, e.g. {@code "started"}
 * @param path        the jar or directory it was loaded from
 */
public record PluginInfo(String id, String version, String provider, String description, String state,
                         String path) {

    public PluginInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        provider = provider == null ? "" : provider;
        description = description == null ? "" : description;
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(path, "path");
    }
}
