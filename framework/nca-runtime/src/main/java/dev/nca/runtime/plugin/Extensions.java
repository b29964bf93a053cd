package dev.nca.runtime.plugin;

import dev.nca.api.Activation;
import dev.nca.api.Dataset;
import dev.nca.api.KernelSet;
import dev.nca.api.LossFunction;
import dev.nca.api.NamedExtension;
import dev.nca.api.TrainingSchedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the plugin host found: one registry per extension point, the loaded plugins and the
 * problems met on the way. Immutable; used for recipe resolution, provenance and
 * {@code nca plugins}.
 */
public final class Extensions {

    private final Map<ExtensionKind<?>, ExtensionRegistry<?>> registries;
    private final List<PluginInfo> plugins;
    private final List<PluginProblem> problems;

    /**
     * @param registries one registry for each of {@link ExtensionKind#ALL}
     * @param plugins    the plugins the host loaded (started or not)
     * @param problems   what went wrong, in the order it was found
     */
    public Extensions(List<ExtensionRegistry<?>> registries, List<PluginInfo> plugins, List<PluginProblem> problems) {
        Map<ExtensionKind<?>, ExtensionRegistry<?>> map = new LinkedHashMap<>();
        for (ExtensionRegistry<?> r : registries) {
            if (map.put(r.kind(), r) != null) {
                throw new IllegalArgumentException("two registries for " + r.kind().pointName());
            }
        }
        for (ExtensionKind<?> kind : ExtensionKind.ALL) {
            if (!map.containsKey(kind)) {
                throw new IllegalArgumentException("no registry for " + kind.pointName());
            }
        }
        this.registries = Map.copyOf(map);
        this.plugins = List.copyOf(Objects.requireNonNull(plugins, "plugins"));
        this.problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    /** The registry of one extension point. */
    @SuppressWarnings("unchecked")
    public <T extends NamedExtension> ExtensionRegistry<T> registry(ExtensionKind<T> kind) {
        return (ExtensionRegistry<T>) registries.get(kind);
    }

    public ExtensionRegistry<KernelSet> kernelSets() {
        return registry(ExtensionKind.KERNEL_SET);
    }

    public ExtensionRegistry<Activation> activations() {
        return registry(ExtensionKind.ACTIVATION);
    }

    public ExtensionRegistry<LossFunction> lossFunctions() {
        return registry(ExtensionKind.LOSS_FUNCTION);
    }

    public ExtensionRegistry<Dataset> datasets() {
        return registry(ExtensionKind.DATASET);
    }

    public ExtensionRegistry<TrainingSchedule> trainingSchedules() {
        return registry(ExtensionKind.TRAINING_SCHEDULE);
    }

    /** All registries in the order of {@link ExtensionKind#ALL}. */
    public List<ExtensionRegistry<?>> registries() {
        return ExtensionKind.ALL.stream().<ExtensionRegistry<?>>map(registries::get).toList();
    }

    /** The plugins the host loaded, sorted by id. */
    public List<PluginInfo> plugins() {
        return plugins;
    }

    /** What went wrong while loading plugins and registering extensions. */
    public List<PluginProblem> problems() {
        return problems;
    }
}
