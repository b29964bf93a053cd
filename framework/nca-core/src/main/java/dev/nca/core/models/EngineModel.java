package dev.nca.core.models;

import dev.nca.api.Boundary;
import dev.nca.api.NcaModel;
import dev.nca.core.engine.EngineFactory;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained model run by one engine per lattice size (engines keep buffers; not thread-safe).
 * Closing the model closes its engines.
 */
final class EngineModel implements NcaModel, AutoCloseable {

    private static final int[] NO_RECORDS = new int[0];

    private final NcaConfig config;
    private final NcaParameters parameters;
    private final DataType dtype;
    private final EngineFactory factory;
    private final Map<Integer, NcaEngine> engines = new HashMap<>();

    EngineModel(EngineFactory factory, NcaConfig config, NcaParameters parameters, DataType dtype) {
        this.factory = factory;
        this.config = config;
        this.parameters = parameters;
        this.dtype = dtype;
    }

    @Override
    public int channels() {
        return config.channels();
    }

    @Override
    public int observable() {
        return config.observable();
    }

    @Override
    public Boundary boundary() {
        return config.boundary();
    }

    @Override
    public INDArray run(INDArray state, int steps, SplittableRandom maskRandom) {
        if (state.rank() != 4 || state.size(1) != config.channels() || state.size(2) != state.size(3)
                || state.size(2) < 3) {
            throw new IllegalArgumentException("state must be [B, " + config.channels() + ", S, S] with S >= 3, got "
                    + java.util.Arrays.toString(state.shape()));
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (steps == 0) {
            return state.castTo(dtype).dup('c');
        }
        int size = (int) state.size(2);
        NcaEngine engine = engines.computeIfAbsent(size, s -> factory.create(config, s, dtype));
        return engine.rollout(parameters, state, steps, NO_RECORDS, maskRandom, false).finalState();
    }

    @Override
    public void close() {
        engines.values().forEach(NcaEngine::close);
        engines.clear();
    }
}
