package dev.nca.core.engine;

import dev.nca.core.model.NcaConfig;
import org.nd4j.linalg.api.buffer.DataType;

/** Makes {@link StencilGemmEngine}s. */
public final class StencilGemmEngineFactory implements EngineFactory {

    @Override
    public String name() {
        return StencilGemmEngine.NAME;
    }

    @Override
    public String description() {
        return "Java stencil (SIMD with the Vector API) and whole-lattice GEMMs through ND4J; CPU";
    }

    @Override
    public NcaEngine create(NcaConfig config, int size, DataType dtype) {
        return new StencilGemmEngine(config, size, dtype);
    }

    @Override
    public String toString() {
        return name();
    }
}
