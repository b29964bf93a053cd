package dev.nca.runtime.plugin;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Where the plugin host looks for plugins and which framework version it reports.
 *
 * <p>The command line builds this from the distribution's {@code plugins/} directory, every
 * {@code --plugins DIR} option and the {@code NCA_PLUGINS} environment variable; this class does
 * not read the environment itself.
 *
 * @param roots            directories holding plugin jars (or exploded plugin directories), in
 *                         search order; duplicates are removed, missing directories are skipped
 *                         with a warning
 * @param frameworkVersion the nca version: checked against plugins' {@code Plugin-Requires} and
 *                         reported as the version of built-in (class-path) extensions
 */
public record PluginHostConfig(List<Path> roots, String frameworkVersion) {

    public PluginHostConfig {
        Objects.requireNonNull(roots, "roots");
        Objects.requireNonNull(frameworkVersion, "frameworkVersion");
        LinkedHashSet<Path> unique = new LinkedHashSet<>();
        for (Path root : roots) {
            unique.add(root.toAbsolutePath().normalize());
        }
        roots = List.copyOf(unique);
    }

    /** Only class-path (built-in) extensions, no plugin directories. */
    public static PluginHostConfig classpathOnly(String frameworkVersion) {
        return new PluginHostConfig(List.of(), frameworkVersion);
    }
}
