package dev.nca.runtime.plugin;

import dev.nca.api.NamedExtension;
import dev.nca.api.ParamSpec;
import java.util.List;
import java.util.Objects;

/**
 * One registered extension: the instance and where it came from.
 *
 * @param name          the extension's recipe name
 * @param extension     the (stateless, shared) extension instance
 * @param kind          the extension point it implements
 * @param pluginId      the id of the plugin that contributed it, or {@link #BUILT_IN} for one found
 *                      on the host class path
 * @param pluginVersion the plugin's version, or the framework version for built-in extensions
 * @param <T>           the extension point type
 */
public record ExtensionEntry<T extends NamedExtension>(String name, T extension, ExtensionKind<T> kind,
                                                       String pluginId, String pluginVersion) {

    /** The plugin id shown for extensions found on the host class path rather than in a plugin. */
    public static final String BUILT_IN = "(built-in)";

    public ExtensionEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
    }

    /** The extension's one-sentence description. */
    public String description() {
        return extension.description();
    }

    /** The recipe parameters the extension declares. */
    public List<ParamSpec> parameters() {
        return extension.parameters();
    }

    /** {@code "plugin-id 1.2.0"}, used in messages. */
    public String origin() {
        return pluginId + " " + pluginVersion;
    }

    /** Whether the extension came from the host class path rather than a plugin. */
    public boolean builtIn() {
        return BUILT_IN.equals(pluginId);
    }
}
