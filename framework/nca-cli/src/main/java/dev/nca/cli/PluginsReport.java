package dev.nca.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nca.api.ParamSpec;
import dev.nca.runtime.plugin.ExtensionEntry;
import dev.nca.runtime.plugin.ExtensionRegistry;
import dev.nca.runtime.plugin.Extensions;
import dev.nca.runtime.plugin.PluginInfo;
import dev.nca.runtime.plugin.PluginProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code nca plugins} shows, as plain values: the text output is rendered from it and the
 * {@code --json} output is its Jackson serialisation (field names are the JSON keys, so renaming a
 * component changes the JSON format).
 *
 * @param framework         the nca version
 * @param pluginDirectories the directories searched for plugins, in order
 * @param plugins           the loaded plugins, sorted by id
 * @param extensionPoints   one entry per extension point, in the order of the runtime's
 *                          {@code ExtensionKind.ALL}
 * @param problems          failed or rejected plugins and extensions, with the reason
 */
record PluginsReport(String framework, List<String> pluginDirectories, List<PluginInfo> plugins,
                     List<Point> extensionPoints, List<PluginProblem> problems) {

    /**
     * One extension point and its usable extensions.
     *
     * @param point       the interface's simple name, e.g. {@code KernelSet}
     * @param label       what one extension is called, e.g. {@code kernel set}
     * @param extensions  sorted by name
     * @param conflicting names claimed by several plugins (unusable; explained in the problems)
     */
    record Point(String point, String label, List<Extension> extensions, List<String> conflicting) {
    }

    /**
     * One extension.
     *
     * @param name          the recipe name
     * @param plugin        the contributing plugin id, or {@code (built-in)} for class-path extensions
     * @param pluginVersion that plugin's version
     * @param description   one sentence
     * @param parameters    the recipe parameters it declares
     */
    record Extension(String name, String plugin, String pluginVersion, String description,
                     List<Parameter> parameters) {
    }

    /**
     * One declared parameter.
     *
     * @param name         the recipe key
     * @param type         the value type in lower case, e.g. {@code real} or {@code text_list}
     * @param defaultValue the default (number, boolean, string or array), or {@code null} when required
     * @param required     whether the recipe must give it
     * @param allowed      what values are allowed, as a sentence fragment
     * @param description  one line
     */
    record Parameter(String name, String type, @JsonProperty("default") Object defaultValue, boolean required,
                     String allowed, String description) {
    }

    /** Builds the report from a started host's extensions. */
    static PluginsReport of(String framework, List<Path> directories, Extensions extensions) {
        List<Point> points = new ArrayList<>();
        for (ExtensionRegistry<?> registry : extensions.registries()) {
            List<Extension> entries = new ArrayList<>();
            for (ExtensionEntry<?> entry : registry.entries()) {
                entries.add(new Extension(entry.name(), entry.pluginId(), entry.pluginVersion(), entry.description(),
                        entry.parameters().stream().map(PluginsReport::parameter).toList()));
            }
            points.add(new Point(registry.kind().pointName(), registry.kind().label(), entries,
                    registry.conflictingNames()));
        }
        return new PluginsReport(framework, directories.stream().map(Path::toString).toList(), extensions.plugins(),
                points, extensions.problems());
    }

    private static Parameter parameter(ParamSpec spec) {
        return new Parameter(spec.name(), spec.type().name().toLowerCase(Locale.ROOT), spec.defaultValue(),
                spec.required(), spec.allowed(), spec.description());
    }
}
