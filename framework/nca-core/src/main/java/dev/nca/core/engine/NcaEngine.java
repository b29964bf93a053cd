package dev.nca.core.engine;

import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The compute-engine seam: what the trainer and every command need from an engine that runs an
 * NCA forward over many steps and back-propagates through time.
 *
 * <p>One step, with B samples of C channels on an S x S lattice:
 * <pre>
 *   z  = perceive(x)                K fixed 3x3 kernels, depthwise: feature c*K+k   [B, C*K, S, S]
 *   a  = W2^T z (+ b2)              per cell                                       [B, H, S, S]
 *   f  = W1^T u(a) + v              per cell                                       [B, C, S, S]
 *   x' = x + m * f                  m ~ Bernoulli(q) per cell or per element (see {@link UpdateMasks})
 *   x' = l * x'                     optional alive masking, l per cell (see dev.nca.core.model.AliveRule)
 * </pre>
 * Parameters: {@code W2 [C*K, H]}, {@code b2 [H, 1]} (optional), {@code W1 [H, C]},
 * {@code v [C, 1]}, all in the engine's data type. Every implementation draws the update masks
 * from the random source in the order {@link UpdateMasks} defines, so two engines given the same
 * random source produce the same rollout up to floating-point rounding.
 *
 * <p>An engine is bound to one {@link NcaConfig}, lattice side and data type (FLOAT or DOUBLE),
 * keeps reusable buffers and is not thread-safe; whoever creates it closes it, which releases
 * its buffers. Engines are made by an {@link EngineFactory}; callers never name an implementation.
 */
public interface NcaEngine extends AutoCloseable {

    /** The name of the factory that made this engine, e.g. {@code "stencil-gemm"} (recorded in provenance). */
    String name();

    /** The model structure this engine runs. */
    NcaConfig config();

    /** S, the lattice side this engine runs on. */
    int size();

    /** FLOAT or DOUBLE: the type of states, parameters and gradients. */
    DataType dataType();

    /**
     * Rolls states forward.
     *
     * @param params      the parameters (data type of this engine)
     * @param start       {@code [B, C, S, S]}, not modified; converted to this engine's type if needed
     * @param steps       number of steps, >= 1
     * @param recordSteps steps (1..steps) whose states to return; may be empty
     * @param maskRandom  random source of the update masks (unused when q = 1)
     * @param keepTape    whether to keep what {@link #backward} needs
     * @return the recorded states and the final state, each {@code [B, C, S, S]} in this engine's type
     * @throws IllegalArgumentException for a state of the wrong shape, steps < 1 or a record step
     *                                  outside 1..steps
     */
    Rollout rollout(NcaParameters params, INDArray start, int steps, int[] recordSteps,
                    SplittableRandom maskRandom, boolean keepTape);

    /**
     * Back-propagates through a taped rollout and adds the parameter gradients to {@code grads}.
     *
     * @param params    the parameters the rollout used
     * @param rollout   a rollout of this engine made with a tape, and the latest one of its batch size
     * @param gradients d loss / d state at some steps (1..steps), each {@code [B, C, S, S]}
     * @param grads     accumulator, same config and data type: gradients are added
     * @return d loss / d start state, {@code [B, C, S, S]}
     * @throws IllegalStateException when the rollout has no tape, was made by another engine, or its
     *                               tape was overwritten by a later rollout of the same batch size
     */
    INDArray backward(NcaParameters params, Rollout rollout, Map<Integer, INDArray> gradients, NcaParameters grads);

    /** Bytes held by all tapes (for memory reports). */
    long tapeBytes();

    /**
     * Bytes the tape of a rollout of {@code batch} samples grows by per step (for choosing the
     * checkpoint interval from a memory budget). Default: the perception, pre-activation and
     * activation of every cell in this engine's type, plus a per-element mask.
     */
    default long tapeBytesPerStep(int batch) {
        long cells = (long) batch * size() * size();
        NcaConfig c = config();
        return cells * (c.perceptionSize() + 2L * c.hidden() + c.channels()) * dataType().width();
    }

    /** Time spent per kind of work since the profile was last reset. */
    EngineProfile profile();

    /** How this engine runs, for benchmarks and provenance, e.g. {@code "stencil-gemm, vector (8 x float32)"}. */
    String describe();

    /** Nominal floating-point operations of one forward step of one sample (for benchmarks). */
    default long forwardFlopsPerSampleStep() {
        NcaConfig config = config();
        long cells = (long) size() * size();
        long taps = 0;
        for (double[][] kernel : config.kernels().stencils()) {
            for (double[] row : kernel) {
                for (double w : row) {
                    taps += w != 0 ? 1 : 0;
                }
            }
        }
        long stencilFlops = 2L * taps * config.channels();
        long mlp = 2L * config.perceptionSize() * config.hidden() + 2L * config.hidden() * config.channels();
        return cells * (stencilFlops + mlp + 3L * config.channels());
    }

    /** Releases the engine's buffers; the engine must not be used afterwards. */
    @Override
    void close();
}
