package dev.nca.core.engine;

import dev.nca.core.model.NcaConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Makes engines of one implementation. The host binds the factories it offers (see
 * {@link EngineCatalog}); callers ask a factory for an engine and never name the implementation.
 */
public interface EngineFactory {

    /** The name recipes ({@code [training] engine}) and the command line ({@code --engine}) select this by. */
    String name();

    /** One line saying what this engine is, for {@code nca bench} and help texts. */
    String description();

    /**
     * Whether this factory's engines run {@code config} in {@code dtype}; {@code "auto"} picks the
     * first preferred engine that does. Default: every config and type.
     */
    default boolean supports(NcaConfig config, DataType dtype) {
        return true;
    }

    /**
     * A new engine; the caller owns it and closes it.
     *
     * @param config the model structure
     * @param size   S, the lattice side, >= 3
     * @param dtype  FLOAT or DOUBLE
     */
    NcaEngine create(NcaConfig config, int size, DataType dtype);
}
