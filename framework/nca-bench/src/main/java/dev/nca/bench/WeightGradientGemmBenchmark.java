package dev.nca.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The two weight-gradient GEMMs of one backward step alone, exactly as the engine calls them:
 * reductions over N = block * S^2 cells into tiny, accumulated outputs (float32, c-order,
 * preallocated, {@code Nd4j.gemm} with {@code beta = 1}).
 * <ul>
 *   <li>{@link #hiddenToChannel}: {@code dW1 [H, C] += u [H, N] x gf^T [N, C]}, 2 H N C FLOPs</li>
 *   <li>{@link #perceptionToHidden}: {@code dW2 [CK, H] += z [CK, N] x gh^T [N, H]}, 2 CK N H FLOPs</li>
 * </ul>
 * Inputs are uniform in [-1, 1], so the accumulated outputs wander but stay far from overflow.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.HEAP, ForkSettings.MAX_NATIVE, ForkSettings.MAX_PHYSICAL, ForkSettings.VECTOR})
public class WeightGradientGemmBenchmark {

    /** Model shape: "paper" or "large" (see {@link ModelShape}). */
    @Param({"paper", "large"})
    public String shape;
    /** Lattice side S. */
    @Param("64")
    public int size;
    /** Samples per engine call (the trainer's block). */
    @Param("4")
    public int block;

    private INDArray hiddenActivation;
    private INDArray channelGradient;
    private INDArray perception;
    private INDArray hiddenGradient;
    private INDArray w1Gradient;
    private INDArray w2Gradient;

    @Setup(Level.Trial)
    public void setUp() {
        NativeThreads.warnUnlessSingle();
        ModelShape model = ModelShape.parse(shape);
        if (size < 1 || block < 1) {
            throw new IllegalArgumentException("need size >= 1 and block >= 1, got size=" + size + " block=" + block);
        }
        long cells = (long) block * size * size;
        int c = model.channels();
        int h = model.hidden();
        int ck = c * model.kernelCount();
        SplittableRandom random = new SplittableRandom(7);
        hiddenActivation = EngineFixture.uniform(random, 1.0, h, cells);
        channelGradient = EngineFixture.uniform(random, 1.0, c, cells);
        perception = EngineFixture.uniform(random, 1.0, ck, cells);
        hiddenGradient = EngineFixture.uniform(random, 1.0, h, cells);
        w1Gradient = Nd4j.zeros(EngineFixture.DTYPE, h, c);
        w2Gradient = Nd4j.zeros(EngineFixture.DTYPE, ck, h);
    }

    @Benchmark
    public void hiddenToChannel(Blackhole blackhole) {
        blackhole.consume(Nd4j.gemm(hiddenActivation, channelGradient, w1Gradient, false, true, 1.0, 1.0));
    }

    @Benchmark
    public void perceptionToHidden(Blackhole blackhole) {
        blackhole.consume(Nd4j.gemm(perception, hiddenGradient, w2Gradient, false, true, 1.0, 1.0));
    }

    /** The dW1 accumulator {@code [H, C]} (for checks). */
    INDArray w1Gradient() {
        return w1Gradient;
    }

    /** The dW2 accumulator {@code [CK, H]} (for checks). */
    INDArray w2Gradient() {
        return w2Gradient;
    }

    /** Inputs {u, gf, z, gh} (for checks). */
    INDArray[] inputs() {
        return new INDArray[] {hiddenActivation, channelGradient, perception, hiddenGradient};
    }
}
