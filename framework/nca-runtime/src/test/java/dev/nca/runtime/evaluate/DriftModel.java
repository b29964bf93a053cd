package dev.nca.runtime.evaluate;

import dev.nca.api.Boundary;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * An NCA whose every step adds a constant vector: W1 = W2 = 0, so {@code x(n) = x(0) + n v} exactly,
 * which makes rollouts computable by hand. C = 3 channels, 2 observable, float64.
 */
final class DriftModel {

    /** The per-step increment of each channel. */
    static final double[] V = {0.25, -0.5, 1.0};

    private DriftModel() {
    }

    static NcaConfig config() {
        return new NcaConfig(3, 2, 2, false, new TestExtensions.IdentityKernels().kernels(null),
                new TestExtensions.LinearActivation(), Boundary.PERIODIC, 1.0, MaskMode.CELL);
    }

    static NcaParameters parameters() {
        NcaParameters p = NcaParameters.zeros(config(), DataType.DOUBLE);
        for (int c = 0; c < V.length; c++) {
            p.v().putScalar(c, 0, V[c]);
        }
        return p;
    }

    static NcaEngine engine(int size) {
        return new dev.nca.core.engine.StencilGemmEngine(config(), size, DataType.DOUBLE);
    }
}
