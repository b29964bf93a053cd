package dev.nca.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Common base of every nca extension point.
 *
 * <p>Implementations must have a public no-argument constructor, hold no mutable state and be
 * safe to call from several threads.
 */
public interface NamedExtension extends ExtensionPoint {

    /**
     * The short, stable name used in recipes, for example {@code "relu"} or {@code "gray-scott"}:
     * lower case letters, digits and dashes. Never a class name.
     */
    String name();

    /** One sentence for {@code nca plugins} and the generated docs. */
    String description();

    /**
     * The parameters this extension accepts in its recipe {@code params} table. The host rejects
     * unknown keys, wrong types and out-of-range values before the extension sees them, and
     * fills in defaults.
     */
    default List<ParamSpec> parameters() {
        return List.of();
    }
}
