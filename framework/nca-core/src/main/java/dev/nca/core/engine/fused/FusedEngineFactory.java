package dev.nca.core.engine.fused;

import dev.nca.api.ArrayActivation;
import dev.nca.core.engine.EngineFactory;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaConfig;
import org.nd4j.linalg.api.buffer.DataType;

/** Makes {@link FusedEngine}s: float32, no alive masking, activations with {@link ArrayActivation}. */
public final class FusedEngineFactory implements EngineFactory {

    @Override
    public String name() {
        return FusedEngine.NAME;
    }

    @Override
    public String description() {
        return "Tiles of cells through perception, both layers and update in cache, SIMD micro-kernels; CPU,"
                + " float32, no alive masking";
    }

    @Override
    public boolean supports(NcaConfig config, DataType dtype) {
        return dtype == DataType.FLOAT && !config.aliveMasked() && config.activation() instanceof ArrayActivation;
    }

    @Override
    public NcaEngine create(NcaConfig config, int size, DataType dtype) {
        if (!supports(config, dtype)) {
            throw new IllegalArgumentException("the fused engine runs float32 models without alive masking whose"
                    + " activation has float arrays; got " + dtype + ", alive masking " + config.aliveMasked()
                    + ", activation '" + config.activation().name() + "' (use engine stencil-gemm)");
        }
        return new FusedEngine(config, size);
    }

    @Override
    public String toString() {
        return name();
    }
}
