package dev.nca.runtime.plugin;

import dev.nca.api.NamedExtension;
import dev.nca.api.NcaException;
import dev.nca.runtime.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The extensions of one extension point, by recipe name. Immutable and thread-safe.
 *
 * <p>Names must match {@value #NAME_PATTERN}. When two extensions claim one name, neither is
 * usable: a {@link PluginProblem} naming both plugins is reported when the registry is built and
 * every lookup of that name fails with the same explanation; other names are unaffected.
 *
 * @param <T> the extension point type
 */
public final class ExtensionRegistry<T extends NamedExtension> {

    /** What an extension name must look like: lower-case words of letters and digits joined by dashes. */
    public static final String NAME_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    private final ExtensionKind<T> kind;
    private final Map<String, ExtensionEntry<T>> byName;
    private final Map<String, List<ExtensionEntry<T>>> conflicts;

    private ExtensionRegistry(ExtensionKind<T> kind, Map<String, ExtensionEntry<T>> byName,
                              Map<String, List<ExtensionEntry<T>>> conflicts) {
        this.kind = kind;
        this.byName = Collections.unmodifiableMap(byName);
        this.conflicts = Collections.unmodifiableMap(conflicts);
    }

    /**
     * Builds a registry, reporting (not throwing) invalid and duplicate names.
     *
     * @param kind       the extension point
     * @param candidates every extension found for the point, in discovery order
     * @param problems   receives one problem per invalid name and per name claimed more than once
     * @param <T>        the extension point type
     * @return the registry of the valid, unambiguous names
     */
    public static <T extends NamedExtension> ExtensionRegistry<T> of(ExtensionKind<T> kind,
                                                                     List<ExtensionEntry<T>> candidates,
                                                                     Consumer<PluginProblem> problems) {
        Objects.requireNonNull(kind, "kind");
        Map<String, List<ExtensionEntry<T>>> grouped = new TreeMap<>();
        for (ExtensionEntry<T> entry : candidates) {
            if (!entry.kind().equals(kind)) {
                throw new IllegalArgumentException("entry " + entry.name() + " is a " + entry.kind().label()
                        + ", not a " + kind.label());
            }
            if (!NAME.matcher(entry.name()).matches()) {
                problems.accept(new PluginProblem(entry.pluginId(), "its " + kind.label() + " "
                        + entry.extension().getClass().getName() + " has the invalid name \"" + entry.name()
                        + "\"; names must be lower-case letters and digits joined by single dashes ("
                        + NAME_PATTERN + "); the extension is ignored"));
                continue;
            }
            grouped.computeIfAbsent(entry.name(), n -> new ArrayList<>()).add(entry);
        }
        Map<String, ExtensionEntry<T>> byName = new LinkedHashMap<>();
        Map<String, List<ExtensionEntry<T>>> conflicts = new LinkedHashMap<>();
        grouped.forEach((name, entries) -> {
            if (entries.size() == 1) {
                byName.put(name, entries.get(0));
            } else {
                conflicts.put(name, List.copyOf(entries));
                problems.accept(new PluginProblem(entries.stream().map(ExtensionEntry::pluginId).distinct()
                        .collect(Collectors.joining(", ")), conflictReason(kind, name, entries)));
            }
        });
        return new ExtensionRegistry<>(kind, byName, conflicts);
    }

    private static String conflictReason(ExtensionKind<?> kind, String name, List<? extends ExtensionEntry<?>> entries) {
        return "the " + kind.label() + " name \"" + name + "\" is claimed by "
                + entries.stream().map(e -> "plugin " + e.origin() + " (" + e.extension().getClass().getName() + ")")
                .collect(Collectors.joining(" and "))
                + "; it cannot be used until all but one of them are removed";
    }

    /** The extension point of this registry. */
    public ExtensionKind<T> kind() {
        return kind;
    }

    /**
     * The extension with the given name.
     *
     * @param name  the recipe name
     * @param where where the name was written, for the message, e.g.
     *              {@code "recipes/gs.toml [model] kernels"}
     * @return the extension
     * @throws NcaException naming {@code where}, the name and the available names when there is
     *                      no such extension, or both plugins when the name is ambiguous
     */
    public T lookup(String name, String where) {
        return entry(name, where).extension();
    }

    /** As {@link #lookup(String, String)}, returning the entry with its plugin of origin. */
    public ExtensionEntry<T> entry(String name, String where) {
        ExtensionEntry<T> entry = byName.get(name);
        if (entry != null) {
            return entry;
        }
        List<ExtensionEntry<T>> claimed = conflicts.get(name);
        if (claimed != null) {
            throw new NcaException(where + ": " + conflictReason(kind, name, claimed));
        }
        String available = byName.isEmpty()
                ? "none (no loaded plugin provides a " + kind.label() + "; check the plugin directories)"
                : String.join(", ", byName.keySet());
        throw new NcaException(where + ": no " + kind.label() + " named \"" + name + "\""
                + Suggestions.didYouMean(name, byName.keySet(), "\"") + "; available: " + available);
    }

    /** The extension with the given name, if exactly one extension has it. */
    public Optional<ExtensionEntry<T>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The usable names, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The usable entries, sorted by name. */
    public List<ExtensionEntry<T>> entries() {
        return List.copyOf(byName.values());
    }

    /** The names claimed by more than one extension (unusable), sorted. */
    public List<String> conflictingNames() {
        return List.copyOf(conflicts.keySet());
    }

    @Override
    public String toString() {
        return "ExtensionRegistry[" + kind.pointName() + ": " + byName.keySet() + "]";
    }
}
