package dev.nca.runtime.plugin;

import dev.nca.api.NcaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DependencyResolver;
import org.pf4j.PluginDependency;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRepository;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginStateEvent;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PF4J plugin manager that isolates failures: a plugin that cannot be loaded or started is
 * reported as a {@link PluginProblem} (one ERROR line) and the others carry on.
 *
 * <p>Differences from {@link DefaultPluginManager}:
 * <ul>
 *   <li>only the given roots are searched (never an implicit {@code ./plugins});</li>
 *   <li>each plugin's content is checked before loading ({@link PluginContentCheck});</li>
 *   <li>load failures are caught per plugin, so {@link #loadPluginFromPath(Path)} returns
 *       {@code null} for a rejected plugin; use {@link #loadPlugins()} only, not
 *       {@code loadPlugin(Path)};</li>
 *   <li>a plugin with unsatisfied dependencies is reported and skipped instead of failing the
 *       whole load;</li>
 *   <li>{@link #stopPlugins()} iterates over a copy of the started plugins (the 3.15.0 version
 *       throws ConcurrentModificationException, pf4j#656) and tolerates plugins that fail to stop.</li>
 * </ul>
 */
final class GuardedPluginManager extends DefaultPluginManager {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final ProblemLog problems;

    GuardedPluginManager(List<Path> roots, String systemVersion, ProblemLog problems) {
        super(roots);
        this.problems = problems;
        setSystemVersion(systemVersion);
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    @Override
    protected List<Path> createPluginsRoot() {
        return new ArrayList<>();
    }

    /**
     * PF4J's repository, without folders that cannot be unpacked plugins: a folder counts only if
     * it holds {@code plugin.properties} or {@code META-INF/MANIFEST.MF} (directly or under
     * {@code classes/}). So {@code --plugins my-plugin/target} loads the jar there and quietly
     * passes over {@code classes/}, {@code test-classes/} and the other build folders.
     */
    @Override
    protected PluginRepository createPluginRepository() {
        PluginRepository all = super.createPluginRepository();
        return new PluginRepository() {
            @Override
            public List<Path> getPluginPaths() {
                return all.getPluginPaths().stream().filter(GuardedPluginManager::mayHoldPlugin).toList();
            }

            @Override
            public boolean deletePluginPath(Path pluginPath) {
                return all.deletePluginPath(pluginPath);
            }
        };
    }

    static boolean mayHoldPlugin(Path path) {
        if (!Files.isDirectory(path)) {
            return true;
        }
        for (String descriptor : List.of("plugin.properties", "META-INF/MANIFEST.MF", "classes/plugin.properties",
                "classes/META-INF/MANIFEST.MF")) {
            if (Files.isRegularFile(path.resolve(descriptor))) {
                return true;
            }
        }
        LOG.debug("skipping folder {}: it has no plugin.properties or META-INF/MANIFEST.MF, so it is no plugin",
                path);
        return false;
    }

    /**
     * PF4J's default reads {@code enabled.txt}/{@code disabled.txt} from the first root and fails
     * when there is none; with no roots every (class-path) extension is simply enabled.
     */
    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        if (!pluginsRoots.isEmpty()) {
            return super.createPluginStatusProvider();
        }
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return false;
            }

            @Override
            public void disablePlugin(String pluginId) {
                throw new UnsupportedOperationException("no plugin directory to record disabled plugins in");
            }

            @Override
            public void enablePlugin(String pluginId) {
                // every plugin is enabled when there is no plugin directory
            }
        };
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new NcaPluginFactory();
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        try {
            Optional<String> rejection = PluginContentCheck.check(pluginPath);
            if (rejection.isPresent()) {
                problems.report(pluginPath.toString(), "rejected before loading: " + rejection.get(), null);
                return null;
            }
        } catch (IOException e) {
            problems.report(pluginPath.toString(), "cannot be read as a plugin jar or directory: "
                    + ProblemLog.describe(e), e);
            return null;
        }
        try {
            return super.loadPluginFromPath(pluginPath);
        } catch (PluginRuntimeException e) {
            Optional<PluginWrapper> first = sameIdLoadedFrom(pluginPath);
            if (first.isPresent()) {
                problems.report(pluginPath.toString(), "not loaded: its plugin id " + first.get().getPluginId()
                        + " is already taken by " + first.get().getPluginPath()
                        + "; remove one of the two jars (or give one another Plugin-Id)", e);
            } else {
                problems.report(pluginPath.toString(), "cannot be loaded: " + ProblemLog.describe(e), e);
            }
            return null;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            problems.report(pluginPath.toString(), "cannot be loaded: " + ProblemLog.describe(e), e);
            return null;
        }
    }

    /** The already loaded plugin with the id the descriptor at {@code pluginPath} declares, if any. */
    private Optional<PluginWrapper> sameIdLoadedFrom(Path pluginPath) {
        try {
            String id = getPluginDescriptorFinder().find(pluginPath).getPluginId();
            return Optional.ofNullable(id == null ? null : getPlugin(id)).filter(p -> !p.getPluginPath().equals(pluginPath));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Resolves as PF4J does with {@code IGNORE_PLUGIN_AND_CONTINUE} (plugins with missing or
     * wrong-version dependencies, and their dependents, are unloaded), and reports each plugin so
     * dropped. A dependency cycle is an {@link NcaException}: PF4J cannot resolve any plugin then.
     */
    @Override
    protected DependencyResolver.Result resolveDependencies() {
        Map<String, PluginWrapper> before = new LinkedHashMap<>();
        getPlugins().forEach(p -> before.put(p.getPluginId(), p));
        DependencyResolver.Result result;
        try {
            result = super.resolveDependencies();
        } catch (DependencyResolver.CyclicDependencyException e) {
            throw new NcaException("the plugins' Plugin-Dependencies form a cycle, so no plugin can be loaded: "
                    + before.values().stream().filter(p -> !p.getDescriptor().getDependencies().isEmpty())
                    .map(p -> p.getPluginId() + " -> " + p.getDescriptor().getDependencies()).toList(), e);
        }
        for (PluginWrapper dropped : before.values()) {
            if (getPlugin(dropped.getPluginId()) != null) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (PluginDependency dependency : dropped.getDescriptor().getDependencies()) {
                if (!dependency.isOptional() && !before.containsKey(dependency.getPluginId())) {
                    missing.add(dependency.getPluginId());
                }
            }
            problems.report(dropped.getPluginId(), missing.isEmpty()
                    ? "not loaded: one of its dependencies " + dropped.getDescriptor().getDependencies()
                    + " is of the wrong version or was not loaded"
                    : "not loaded: it depends on " + String.join(", ", missing) + ", which is not installed", null);
        }
        return result;
    }

    @Override
    public void startPlugins() {
        for (PluginWrapper plugin : new ArrayList<>(getResolvedPlugins())) {
            PluginState before = plugin.getPluginState();
            if (before.isDisabled() || before.isStarted()) {
                continue;
            }
            try {
                plugin.getPlugin().start();
                plugin.setPluginState(PluginState.STARTED);
                plugin.setFailedException(null);
                startedPlugins.add(plugin);
                firePluginStateEvent(new PluginStateEvent(this, plugin, before));
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // plugin code: an exception, ExceptionInInitializerError or any LinkageError
                plugin.setPluginState(PluginState.FAILED);
                plugin.setFailedException(e);
                problems.report(plugin.getPluginId(), "failed to start: " + ProblemLog.describe(e), e);
            }
        }
    }

    @Override
    public void stopPlugins() {
        List<PluginWrapper> started = new ArrayList<>(startedPlugins);
        Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            PluginState before = plugin.getPluginState();
            if (!before.isStarted()) {
                continue;
            }
            try {
                plugin.getPlugin().stop();
                plugin.setPluginState(PluginState.STOPPED);
                startedPlugins.remove(plugin);
                firePluginStateEvent(new PluginStateEvent(this, plugin, before));
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // not STARTED any more, so that unloading does not try (and log) a second stop
                plugin.setPluginState(PluginState.FAILED);
                plugin.setFailedException(e);
                startedPlugins.remove(plugin);
                LOG.warn("Plugin {} failed to stop: {}", plugin.getPluginId(), ProblemLog.describe(e));
                LOG.debug("Stack trace of the failure to stop plugin {}", plugin.getPluginId(), e);
            }
        }
    }
}
