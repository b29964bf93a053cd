package dev.nca.runtime.plugin;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Creates the {@code Plugin-Class} instance of a plugin, failing with a clear message instead of
 * PF4J's default (which logs and returns {@code null}). A plugin without a {@code Plugin-Class}
 * attribute gets a plain {@link Plugin} with no start or stop behaviour; most nca plugins need no
 * lifecycle of their own.
 */
final class NcaPluginFactory implements PluginFactory {

    @Override
    public Plugin create(PluginWrapper wrapper) {
        String className = wrapper.getDescriptor().getPluginClass();
        if (className == null || className.isBlank() || Plugin.class.getName().equals(className)) {
            return new Plugin();
        }
        Class<?> type;
        try {
            type = wrapper.getPluginClassLoader().loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new PluginRuntimeException(e, "its Plugin-Class " + className
                    + " is not in the plugin (check the Plugin-Class manifest attribute)");
        } catch (LinkageError e) {
            throw new PluginRuntimeException(e, "its Plugin-Class " + className + " cannot be loaded: "
                    + ProblemLog.describe(e));
        }
        int modifiers = type.getModifiers();
        if (!Plugin.class.isAssignableFrom(type) || Modifier.isAbstract(modifiers) || type.isInterface()) {
            throw new PluginRuntimeException("its Plugin-Class " + className
                    + " is not a concrete subclass of org.pf4j.Plugin");
        }
        try {
            return instantiate(type.asSubclass(Plugin.class), wrapper);
        } catch (InvocationTargetException e) {
            throw new PluginRuntimeException(e.getCause(), "its Plugin-Class " + className
                    + " threw in its constructor: " + ProblemLog.describe(e.getCause()));
        } catch (ReflectiveOperationException e) {
            throw new PluginRuntimeException(e, "its Plugin-Class " + className
                    + " cannot be instantiated (it needs a public no-argument constructor): " + ProblemLog.describe(e));
        }
    }

    private static Plugin instantiate(Class<? extends Plugin> type, PluginWrapper wrapper)
            throws ReflectiveOperationException {
        try {
            Constructor<? extends Plugin> withWrapper = type.getConstructor(PluginWrapper.class);
            return withWrapper.newInstance(wrapper);
        } catch (NoSuchMethodException e) {
            return type.getConstructor().newInstance();
        }
    }
}
