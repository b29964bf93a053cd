package dev.nca.runtime.plugin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads the classes listed in the extension indexes ({@code META-INF/extensions.idx}) of the
 * started plugins and of the host class path, one class at a time, so that a class that cannot be
 * loaded is one {@link PluginProblem} and never stops the others.
 *
 * <p>PF4J's own {@code getExtensionClasses} catches only {@link ClassNotFoundException} and
 * {@link NoClassDefFoundError} (and logs them with a stack trace at ERROR); any other
 * {@link LinkageError}, such as the {@link UnsupportedClassVersionError} of a class compiled for
 * a newer Java, escapes it and takes the whole host down. Here every failure except a
 * {@link VirtualMachineError} is reported for the class and plugin that caused it.
 *
 * <p>Classes are loaded without being initialised: a static initialiser that throws shows up when
 * the extension is created ({@link PluginHost}), and is reported there.
 */
final class ExtensionClassLoading {

    /** A loaded extension class and the id of the plugin whose index listed it (null: host class path). */
    record Candidate(Class<?> type, String pluginId) {
    }

    private ExtensionClassLoading() {
    }

    /**
     * Loads every listed class: first the host's (built-in), then each started plugin's, in
     * plugin-id order. A plugin without an index of its own is skipped (its class loader would
     * only show it the host's index).
     *
     * @return the loaded classes, each once, whatever extension point they implement
     */
    static List<Candidate> load(GuardedPluginManager manager, ProblemLog problems) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        List<Candidate> candidates = new ArrayList<>();
        ClassLoader hostLoader = PluginHost.class.getClassLoader();
        for (String className : manager.getExtensionClassNames(null)) {
            loadOne(className, hostLoader, null, problems).filter(seen::add)
                    .ifPresent(type -> candidates.add(new Candidate(type, null)));
        }
        List<PluginWrapper> started = new ArrayList<>(manager.getPlugins());
        started.removeIf(p -> p.getPluginState() != PluginState.STARTED
                || !PluginContentCheck.hasExtensionIndex(p.getPluginPath()));
        started.sort(Comparator.comparing(PluginWrapper::getPluginId));
        for (PluginWrapper plugin : started) {
            for (String className : manager.getExtensionClassNames(plugin.getPluginId())) {
                loadOne(className, plugin.getPluginClassLoader(), plugin, problems).filter(seen::add)
                        .ifPresent(type -> candidates.add(new Candidate(type, plugin.getPluginId())));
            }
        }
        return candidates;
    }

    private static Optional<Class<?>> loadOne(String className, ClassLoader loader, PluginWrapper plugin,
                                                        ProblemLog problems) {
        String subject = plugin == null ? ExtensionEntry.BUILT_IN : plugin.getPluginId();
        String where = plugin == null ? "the host class path's META-INF/extensions.idx"
                : "its META-INF/extensions.idx (" + plugin.getPluginPath().getFileName() + ")";
        try {
            return Optional.of(Class.forName(className, false, loader));
        } catch (ClassNotFoundException e) {
            problems.report(subject, where + " lists " + className + ", which is not in the plugin;"
                    + " rebuild the plugin so that its index and classes agree", e);
        } catch (UnsupportedClassVersionError e) {
            problems.report(subject, "its extension " + className + " was compiled for a newer Java than this one ("
                    + "Java " + Runtime.version().feature() + "): " + ProblemLog.describe(e)
                    + "; rebuild the plugin with --release " + Runtime.version().feature() + " or run nca on a newer Java",
                    e);
        } catch (NoClassDefFoundError e) {
            problems.report(subject, "its extension " + className + " needs the class " + missingClass(e)
                    + ", which neither the plugin nor nca provides (a dependency missing from the plugin jar?)", e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            problems.report(subject, "its extension " + className + " cannot be loaded: "
                    + e.getClass().getSimpleName() + ": " + ProblemLog.describe(e), e);
        }
        return Optional.empty();
    }

    private static String missingClass(NoClassDefFoundError e) {
        String message = e.getMessage();
        return message == null ? "(unnamed)" : message.replace('/', '.');
    }
}
