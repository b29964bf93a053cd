package dev.nca.runtime.analyse;

import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Where the analyses get their engines from: one place (the command line) decides how an engine
 * for a model is made, the analyses only ask for one.
 */
@FunctionalInterface
public interface EngineSource {

    /**
     * An engine for {@code config} on an S x S lattice in {@code dtype} (FLOAT or DOUBLE).
     *
     * @param config the model structure
     * @param size   the lattice side S
     * @param dtype  the data type of states and parameters
     * @return a new engine, owned by the caller
     */
    NcaEngine create(NcaConfig config, int size, DataType dtype);
}
