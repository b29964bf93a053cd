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

    /**
     * The version plugins' {@code Plugin-Requires} is checked against: the framework version
     * without a pre-release suffix, since PF4J's semantic-version check ranks {@code 0.1.0-SNAPSHOT}
     * below {@code >=0.1.0}.
     */
    public String requiresCheckVersion() {
        int dash = frameworkVersion.indexOf('-');
        return dash < 0 ? frameworkVersion : frameworkVersion.substring(0, dash);
    }

    /** Only class-path (built-in) extensions, no plugin directories. */
    public static PluginHostConfig classpathOnly(String frameworkVersion) {
        return new PluginHostConfig(List.of(), frameworkVersion);
    }
}
