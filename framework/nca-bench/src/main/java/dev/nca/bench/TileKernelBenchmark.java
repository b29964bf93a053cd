package dev.nca.bench;

import dev.nca.core.engine.fused.TileKernels;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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

/**
 * The fused engine's micro-kernels ({@link TileKernels#select()}: the Vector API ones when the
 * fork has the module, as it does) on one tile of {@code tile} cells, the shapes of the first layer:
 * <ul>
 *   <li>{@link #projectForward}: {@code a [H][n] = W2^T z}, z {@code [CK][n]}, 2 CK H n FLOPs</li>
 *   <li>{@link #projectBackward}: {@code gz [CK][n] = W2 gh}, gh {@code [H][n]}, 2 CK H n FLOPs</li>
 *   <li>{@link #accumulateOuter}: {@code dW2 [CK][H] += z gh^T} as per-lane partial sums, 2 CK H n FLOPs</li>
 * </ul>
 * Compare with {@link WeightGradientGemmBenchmark} (the same reduction through BLAS on a whole block)
 * and {@link SgemmPeakBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.HEAP, ForkSettings.MAX_NATIVE, ForkSettings.MAX_PHYSICAL, ForkSettings.VECTOR})
public class TileKernelBenchmark {

    /** Model shape: "paper" or "large" (see {@link ModelShape}). */
    @Param({"paper", "large"})
    public String shape;
    /** Cells per tile (the engine uses whole rows, about 256 cells). */
    @Param("256")
    public int tile;

    private TileKernels kernels;
    private int perception;
    private int hidden;
    private float[] w2;
    private float[] w2t;
    private float[] z;
    private float[] a;
    private float[] gh;
    private float[] gz;
    private float[] partial;

    @Setup(Level.Trial)
    public void setUp() {
        ModelShape model = ModelShape.parse(shape);
        if (tile < 1) {
            throw new IllegalArgumentException("need tile >= 1, got " + tile);
        }
        kernels = TileKernels.select();
        perception = model.channels() * model.kernelCount();
        hidden = model.hidden();
        SplittableRandom random = new SplittableRandom(7);
        w2 = uniform(random, perception * hidden);
        w2t = uniform(random, perception * hidden);
        z = uniform(random, perception * tile);
        gh = uniform(random, hidden * tile);
        a = new float[hidden * tile];
        gz = new float[perception * tile];
        partial = new float[perception * hidden * kernels.lanes()];
    }

    private static float[] uniform(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }

    @Benchmark
    public float[] projectForward() {
        kernels.project(w2, null, perception, hidden, z, a, tile, tile);
        return a;
    }

    @Benchmark
    public float[] projectBackward() {
        kernels.project(w2t, null, hidden, perception, gh, gz, tile, tile);
        return gz;
    }

    @Benchmark
    public float[] accumulateOuter() {
        kernels.accumulateOuter(z, perception, gh, hidden, tile, tile, partial);
        return partial;
    }

    /** Outputs {a, gz, partial sums} (for checks). */
    float[][] outputs() {
        return new float[][] {a, gz, partial};
    }

    /** Inputs {W2, W2^T as given, z, gh} (for checks). */
    float[][] inputs() {
        return new float[][] {w2, w2t, z, gh};
    }

    /** The kernels run. */
    TileKernels kernels() {
        return kernels;
    }
}
