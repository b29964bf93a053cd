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
 * The backend's float32 matrix-multiply peak: {@code c [n, n] = a [n, n] x b [n, n]} with
 * {@code Nd4j.gemm} into a preallocated c-order output, 2 n^3 FLOPs per operation. With
 * {@code OMP_NUM_THREADS=1} this is the one-core peak the other benchmarks are compared with.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.HEAP, ForkSettings.MAX_NATIVE, ForkSettings.MAX_PHYSICAL, ForkSettings.VECTOR})
public class SgemmPeakBenchmark {

    /** Matrix side n. */
    @Param("1024")
    public int n;

    private INDArray a;
    private INDArray b;
    private INDArray c;

    @Setup(Level.Trial)
    public void setUp() {
        NativeThreads.warnUnlessSingle();
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        SplittableRandom random = new SplittableRandom(11);
        a = EngineFixture.uniform(random, 1.0, n, n);
        b = EngineFixture.uniform(random, 1.0, n, n);
        c = Nd4j.zeros(EngineFixture.DTYPE, n, n);
    }

    @Benchmark
    public void sgemm(Blackhole blackhole) {
        blackhole.consume(Nd4j.gemm(a, b, c, false, false, 1.0, 0.0));
    }

    /** Inputs {a, b} and output c (for checks). */
    INDArray[] arrays() {
        return new INDArray[] {a, b, c};
    }
}
