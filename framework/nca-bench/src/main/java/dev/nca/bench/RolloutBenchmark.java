package dev.nca.bench;

import dev.nca.core.engine.Rollout;
import dev.nca.core.model.NcaParameters;
import java.util.Map;
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
 * A multi-step rollout of one block, as one trainer worker runs it: with the tape
 * ({@link #rolloutWithTape}), and followed by back-propagation through time of a loss gradient
 * at the last step ({@link #rolloutAndBackward}). The state gradient {@code [block, C, S, S]} is
 * fixed, uniform in {@code [-5e-4, 5e-4]}; parameter gradients are cleared before each backward
 * pass, as the trainer starts each block from zero.
 *
 * <p>Nominal work per operation: {@code steps * block * forwardFlopsPerSampleStep()} FLOPs for the
 * rollout, three times that with the backward pass (the count {@code nca bench} uses).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.HEAP, ForkSettings.MAX_NATIVE, ForkSettings.MAX_PHYSICAL, ForkSettings.VECTOR})
public class RolloutBenchmark {

    private static final int[] NO_RECORDED_STEPS = {};
    private static final double GRADIENT_SCALE = 1e-3;

    /** Model shape: "paper" or "large" (see {@link ModelShape}). */
    @Param({"paper", "large"})
    public String shape;
    /** Lattice side S. */
    @Param("64")
    public int size;
    /** Samples rolled out together (the trainer's block). */
    @Param("4")
    public int block;
    /** NCA steps per rollout. */
    @Param("32")
    public int steps;

    private EngineFixture fixture;
    private SplittableRandom maskRandom;
    private Map<Integer, INDArray> stateGradients;
    private NcaParameters grads;

    @Setup(Level.Trial)
    public void setUp() {
        NativeThreads.warnUnlessSingle();
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        fixture = new EngineFixture(ModelShape.parse(shape), size, block);
        maskRandom = new SplittableRandom(1);
        INDArray gradient = Nd4j.rand(EngineFixture.DTYPE, block, fixture.config.channels(), size, size)
                .subi(0.5).muli(GRADIENT_SCALE);
        stateGradients = Map.of(steps, gradient);
        grads = NcaParameters.zeros(fixture.config, EngineFixture.DTYPE);
    }

    @Benchmark
    public void rolloutWithTape(Blackhole blackhole) {
        blackhole.consume(rollout().finalState());
    }

    @Benchmark
    public void rolloutAndBackward(Blackhole blackhole) {
        Rollout rollout = rollout();
        grads.clear();
        blackhole.consume(fixture.engine.backward(fixture.params, rollout, stateGradients, grads));
        blackhole.consume(rollout.finalState());
    }

    private Rollout rollout() {
        return fixture.engine.rollout(fixture.params, fixture.start, steps, NO_RECORDED_STEPS, maskRandom, true);
    }

    /** The parameter gradients of the latest {@link #rolloutAndBackward} (for checks). */
    NcaParameters gradients() {
        return grads;
    }
}
