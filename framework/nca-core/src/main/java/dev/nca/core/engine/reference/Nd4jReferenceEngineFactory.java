package dev.nca.core.engine.reference;

import dev.nca.core.engine.EngineFactory;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaConfig;
import org.nd4j.linalg.api.buffer.DataType;

/** Makes {@link Nd4jReferenceEngine}s. */
public final class Nd4jReferenceEngineFactory implements EngineFactory {

    @Override
    public String name() {
        return Nd4jReferenceEngine.NAME;
    }

    @Override
    public String description() {
        return "ND4J operations only (runs on any ND4J backend, e.g. CUDA); a slow reference";
    }

    @Override
    public NcaEngine create(NcaConfig config, int size, DataType dtype) {
        return new Nd4jReferenceEngine(config, size, dtype);
    }

    @Override
    public String toString() {
        return name();
    }
}
