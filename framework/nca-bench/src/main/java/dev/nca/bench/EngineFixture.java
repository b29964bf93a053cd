package dev.nca.bench;

import dev.nca.core.engine.NcaEngine;
import dev.nca.core.engine.StencilGemmEngineFactory;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An engine with parameters and a block of start states, all float32 and from fixed seeds: what
 * one trainer worker holds while it rolls out one block.
 *
 * <p>W2 has the paper's Glorot initialisation; W1, zero at the paper's initialisation (which would
 * leave every state unchanged), is drawn uniformly from {@code [-0.01, 0.01]} so that the rollout
 * does real updates and stays finite over many steps. Start states are uniform in [0, 1).
 */
final class EngineFixture {

    /** Data type of every benchmark (the paper's). */
    static final DataType DTYPE = DataType.FLOAT;
    private static final double W1_LIMIT = 0.01;
    private static final long SEED = 20241124L;

    final ModelShape shape;
    final int size;
    final int block;
    final NcaConfig config;
    final NcaEngine engine;
    final NcaParameters params;
    /** Start states {@code [block, C, size, size]}. */
    final INDArray start;

    EngineFixture(ModelShape shape, int size, int block) {
        if (size < 3 || block < 1) {
            throw new IllegalArgumentException("need size >= 3 and block >= 1, got size=" + size + " block=" + block);
        }
        this.shape = shape;
        this.size = size;
        this.block = block;
        this.config = shape.config(new BenchRelu());
        this.engine = new StencilGemmEngineFactory().create(config, size, DTYPE);
        SplittableRandom random = new SplittableRandom(SEED);
        this.params = NcaParameters.initialise(config, DTYPE, random, 1.0);
        params.w1().assign(uniform(random, W1_LIMIT, config.hidden(), config.channels()));
        Nd4j.getRandom().setSeed(SEED);
        this.start = Nd4j.rand(DTYPE, block, config.channels(), size, size);
    }

    /** N = block * size^2, the cells one engine call works on (columns of the GEMMs). */
    int cells() {
        return block * size * size;
    }

    /** A {@code [rows, cols]} float32 array uniform in {@code [-limit, limit]}. */
    static INDArray uniform(SplittableRandom random, double limit, long rows, long cols) {
        double[] v = new double[Math.toIntExact(rows * cols)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (2 * random.nextDouble() - 1) * limit;
        }
        return Nd4j.create(v, new long[] {rows, cols}, DataType.DOUBLE).castTo(DTYPE);
    }
}
