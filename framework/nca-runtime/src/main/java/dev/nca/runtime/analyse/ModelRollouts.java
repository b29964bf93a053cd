package dev.nca.runtime.analyse;

import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaParameters;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The model as {@link RolloutDynamics}: each call draws its update masks from a generator seeded
 * with the seed plus the call's number (0, 1, ...), so a seed reproduces a whole analysis.
 */
public final class ModelRollouts implements RolloutDynamics {

    private final NcaEngine engine;
    private final NcaParameters params;
    private final long seed;
    private int calls;

    /**
     * @param engine the model's engine
     * @param params its parameters, in the engine's data type
     * @param seed   seed of the update masks
     */
    public ModelRollouts(NcaEngine engine, NcaParameters params, long seed) {
        this.engine = engine;
        this.params = params;
        this.seed = seed;
    }

    @Override
    public int observable() {
        return engine.config().observable();
    }

    @Override
    public List<INDArray> roll(INDArray start, int[] steps, Progress progress, String task) {
        return SteppedRollout.run(engine, params, start, steps, seed + calls++, progress, task);
    }
}
