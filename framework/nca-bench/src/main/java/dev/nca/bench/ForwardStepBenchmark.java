package dev.nca.bench;

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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One forward NCA step of a block of samples without a tape: {@code NcaEngine.rollout} of one step,
 * including its entry and exit layout changes ({@code [B, C, S, S]} to feature-major and back).
 * Nominal work: {@code block * NcaEngine.forwardFlopsPerSampleStep()} FLOPs per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.HEAP, ForkSettings.MAX_NATIVE, ForkSettings.MAX_PHYSICAL, ForkSettings.VECTOR})
public class ForwardStepBenchmark {

    private static final int[] NO_RECORDED_STEPS = {};

    /** Model shape: "paper" or "large" (see {@link ModelShape}). */
    @Param({"paper", "large"})
    public String shape;
    /** Lattice side S. */
    @Param("64")
    public int size;
    /** Samples rolled out together (the trainer's block). */
    @Param("4")
    public int block;

    private EngineFixture fixture;
    private SplittableRandom maskRandom;

    @Setup(Level.Trial)
    public void setUp() {
        NativeThreads.warnUnlessSingle();
        fixture = new EngineFixture(ModelShape.parse(shape), size, block);
        maskRandom = new SplittableRandom(1);
    }

    @Benchmark
    public void forwardStep(Blackhole blackhole) {
        blackhole.consume(fixture.engine.rollout(fixture.params, fixture.start, 1, NO_RECORDED_STEPS, maskRandom,
                false).finalState());
    }
}
