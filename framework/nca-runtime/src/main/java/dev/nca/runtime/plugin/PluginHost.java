package dev.nca.runtime.plugin;

import dev.nca.api.NamedExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the nca plugins with PF4J and registers their extensions, plus the extensions listed in
 * {@code META-INF/extensions.idx} files on the host class path ("built-in" extensions: how tests
 * and embedders add extensions without building jars).
 *
 * <p>Loading is failure-tolerant: a plugin that bundles host classes, cannot be read, has an
 * invalid descriptor, unsatisfied dependencies, or whose {@code Plugin-Class} fails is recorded as
 * a {@link PluginProblem} and logged as one ERROR line; every other plugin works normally. A
 * started plugin that contributes no extension is logged at WARN.
 *
 * <p>Create with {@link #start(PluginHostConfig)} and {@link #close()} when done; extension
 * instances must not be used after closing, because the plugins' class loaders are closed. Not
 * thread-safe to close while other threads use extensions; the result of {@link #extensions()} is
 * immutable and may be shared.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final PluginHostConfig config;
    private final GuardedPluginManager manager;
    private final Extensions extensions;
    private boolean closed;

    private PluginHost(PluginHostConfig config, GuardedPluginManager manager, Extensions extensions) {
        this.config = config;
        this.manager = manager;
        this.extensions = extensions;
    }

    /**
     * Loads and starts every plugin under the configured roots and registers all extensions.
     *
     * @param config the plugin directories and the framework version
     * @return the running host; never throws for a bad plugin (see {@link Extensions#problems()})
     */
    public static PluginHost start(PluginHostConfig config) {
        Objects.requireNonNull(config, "config");
        ProblemLog problems = new ProblemLog();
        List<Path> roots = new ArrayList<>();
        for (Path root : config.roots()) {
            if (Files.isDirectory(root)) {
                roots.add(root);
            } else {
                LOG.warn("Plugin directory {} does not exist or is not a directory; skipped", root);
            }
        }
        GuardedPluginManager manager = new GuardedPluginManager(roots, config.requiresCheckVersion(), problems);
        try {
            if (!roots.isEmpty()) {
                manager.loadPlugins();
            }
            reportUnusable(manager, config.requiresCheckVersion(), problems);
            manager.startPlugins();
            List<ExtensionClassLoading.Candidate> candidates = ExtensionClassLoading.load(manager, problems);
            List<ExtensionRegistry<?>> registries = new ArrayList<>();
            Map<String, Integer> contributed = new HashMap<>();
            for (ExtensionKind<?> kind : ExtensionKind.ALL) {
                registries.add(register(kind, candidates, manager, config.frameworkVersion(), problems, contributed));
            }
            warnAboutEmptyPlugins(manager, contributed);
            Extensions extensions = new Extensions(registries, describe(manager), problems.problems());
            LOG.info("Plugins: {} loaded from {}; extensions: {}; problems: {}", extensions.plugins().size(),
                    roots, registries.stream().mapToInt(r -> r.names().size()).sum(), extensions.problems().size());
            return new PluginHost(config, manager, extensions);
        } catch (RuntimeException | Error e) {
            closeQuietly(manager);
            throw e;
        }
    }

    /** Reports disabled plugins (those dropped for their dependencies are reported when resolving). */
    private static void reportUnusable(GuardedPluginManager manager, String frameworkVersion, ProblemLog problems) {
        for (PluginWrapper plugin : sorted(manager.getPlugins())) {
            PluginState state = plugin.getPluginState();
            PluginDescriptor d = plugin.getDescriptor();
            if (state.isDisabled()) {
                String requires = d.getRequires();
                boolean versionMismatch = requires != null && !requires.isBlank() && !"*".equals(requires.strip())
                        && !manager.getVersionManager().checkVersionConstraint(frameworkVersion, requires);
                problems.report(plugin.getPluginId(), versionMismatch
                        ? "disabled: it requires nca " + requires + " but this is nca " + frameworkVersion
                        : "disabled by the plugin directory's enabled.txt/disabled.txt", null);
            }
        }
    }

    private static <T extends NamedExtension> ExtensionRegistry<T> register(
            ExtensionKind<T> kind, List<ExtensionClassLoading.Candidate> candidates, GuardedPluginManager manager,
            String frameworkVersion, ProblemLog problems, Map<String, Integer> contributed) {
        List<ExtensionEntry<T>> entries = new ArrayList<>();
        for (ExtensionClassLoading.Candidate candidate : candidates) {
            if (!kind.type().isAssignableFrom(candidate.type())) {
                continue;
            }
            Class<? extends T> type = candidate.type().asSubclass(kind.type());
            // a plugin's class loader also finds the host's classes: the class's own loader decides
            PluginWrapper plugin = manager.whichPlugin(type);
            String pluginId = plugin == null ? ExtensionEntry.BUILT_IN : plugin.getPluginId();
            String version = plugin == null ? frameworkVersion : plugin.getDescriptor().getVersion();
            T extension;
            String name;
            try {
                extension = manager.getExtensionFactory().create(type);
                name = extension.name();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // plugin code may throw anything: an exception, ExceptionInInitializerError, a LinkageError
                problems.report(pluginId, "its " + kind.label() + " " + type.getName()
                        + " cannot be created or named: " + ProblemLog.describeWithType(e), e);
                continue;
            }
            if (name == null) {
                problems.report(pluginId, "its " + kind.label() + " " + type.getName() + " returns no name()", null);
                continue;
            }
            entries.add(new ExtensionEntry<>(name, extension, kind, pluginId, version));
            contributed.merge(pluginId, 1, Integer::sum);
        }
        return ExtensionRegistry.of(kind, entries, problems::report);
    }

    private static void warnAboutEmptyPlugins(GuardedPluginManager manager, Map<String, Integer> contributed) {
        for (PluginWrapper plugin : sorted(manager.getStartedPlugins())) {
            String id = plugin.getPluginId();
            if (contributed.getOrDefault(id, 0) > 0) {
                continue;
            }
            if (!PluginContentCheck.hasExtensionIndex(plugin.getPluginPath())) {
                LOG.warn("Plugin {} ({}) is started but contributes no extensions: its jar lists none in"
                        + " META-INF/extensions.idx. Most likely PF4J's annotation processor did not run when it"
                        + " was compiled (JDK 23+ runs none implicitly: add pf4j to the compiler's"
                        + " annotationProcessorPaths or set <proc>full</proc>), or its classes lack @Extension",
                        id, plugin.getPluginPath());
            } else {
                LOG.warn("Plugin {} ({}) is started but contributes no extensions: no class listed in its"
                        + " META-INF/extensions.idx implements an nca extension point ({})", id,
                        plugin.getPluginPath(), ExtensionKind.ALL.stream().map(ExtensionKind::pointName).toList());
            }
        }
    }

    private static List<PluginInfo> describe(GuardedPluginManager manager) {
        List<PluginInfo> infos = new ArrayList<>();
        for (PluginWrapper plugin : sorted(manager.getPlugins())) {
            PluginDescriptor d = plugin.getDescriptor();
            infos.add(new PluginInfo(d.getPluginId(), d.getVersion(), d.getProvider(), d.getPluginDescription(),
                    plugin.getPluginState().toString().toLowerCase(java.util.Locale.ROOT),
                    plugin.getPluginPath().toString()));
        }
        return infos;
    }

    private static List<PluginWrapper> sorted(List<PluginWrapper> plugins) {
        List<PluginWrapper> copy = new ArrayList<>(plugins);
        copy.sort(Comparator.comparing(PluginWrapper::getPluginId));
        return copy;
    }

    /** The registries, loaded plugins and problems found when the host started. */
    public Extensions extensions() {
        return extensions;
    }

    /** The configuration the host was started with. */
    public PluginHostConfig config() {
        return config;
    }

    /**
     * Stops and unloads every plugin and closes their class loaders. Safe to call more than once;
     * failures of individual plugins to stop are logged at WARN, never thrown.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(manager);
    }

    private static void closeQuietly(GuardedPluginManager manager) {
        manager.stopPlugins();
        try {
            manager.unloadPlugins();
        } catch (RuntimeException e) {
            LOG.warn("Unloading plugins failed: {}", ProblemLog.describe(e));
            LOG.debug("Stack trace of the unloading failure", e);
        }
    }
}
