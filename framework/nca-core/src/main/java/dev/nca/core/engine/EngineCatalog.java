package dev.nca.core.engine;

import dev.nca.api.NcaException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engines a host offers, by name, and which of them is the default ({@code "auto"}).
 * Immutable.
 */
public final class EngineCatalog {

    /** The name that stands for the default engine. */
    public static final String AUTO = "auto";

    private final Map<String, EngineFactory> factories = new LinkedHashMap<>();
    private final String defaultName;
    private final EngineFactory auto;

    /**
     * @param factories   the engines offered, in the order listings show them; names must be unique
     * @param defaultName the name of the engine {@code "auto"} selects; one of the factories
     */
    public EngineCatalog(List<EngineFactory> factories, String defaultName) {
        this(factories, List.of(defaultName));
    }

    /**
     * @param factories  the engines offered, in the order listings show them; names must be unique
     * @param preference names of the engines {@code "auto"} tries per model, in order, the first that
     *                   {@linkplain EngineFactory#supports supports} the model wins; the last is the
     *                   fallback and should support every model
     */
    public EngineCatalog(List<EngineFactory> factories, List<String> preference) {
        for (EngineFactory f : factories) {
            if (AUTO.equals(f.name()) || this.factories.putIfAbsent(f.name(), f) != null) {
                throw new IllegalArgumentException("engine name \"" + f.name() + "\" is reserved or given twice");
            }
        }
        List<EngineFactory> preferred = new ArrayList<>();
        for (String name : preference) {
            if (!this.factories.containsKey(Objects.requireNonNull(name, "preference"))) {
                throw new IllegalArgumentException("default engine \"" + name + "\" is not among " + names());
            }
            preferred.add(this.factories.get(name));
        }
        this.defaultName = String.join(", else ", preference);
        this.auto = preferred.size() == 1 ? preferred.get(0) : new AutoEngineFactory(preferred);
    }

    /** The engine names, in the order given. */
    public List<String> names() {
        return new ArrayList<>(factories.keySet());
    }

    /**
     * The factory {@code "auto"} selects: the one default engine, or an {@link AutoEngineFactory}
     * choosing per model among the preferred ones.
     */
    public EngineFactory defaultFactory() {
        return auto;
    }

    /**
     * The factory of an engine name, or the default for {@code "auto"}.
     *
     * @param name  an engine name or {@code "auto"}
     * @param where what named it, for the error message (e.g. {@code "recipe r.toml [training] engine"})
     * @throws NcaException naming the engines available when there is no such engine
     */
    public EngineFactory get(String name, String where) {
        if (AUTO.equals(name)) {
            return defaultFactory();
        }
        EngineFactory f = factories.get(name);
        if (f == null) {
            throw new NcaException(where + ": no engine \"" + name + "\"; available: " + String.join(", ", names())
                    + " (or \"auto\" for " + defaultName + ")");
        }
        return f;
    }

    /** Every factory, in the order given. */
    public List<EngineFactory> factories() {
        return List.copyOf(factories.values());
    }
}
