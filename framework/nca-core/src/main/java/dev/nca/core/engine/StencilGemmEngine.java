package dev.nca.core.engine;

import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The stencil + BLAS engine ({@value #NAME}): the stencil runs in Java on host arrays (SIMD where
 * the Vector API is present), the two per-cell layers are whole-lattice GEMMs through ND4J, and
 * back-propagation through time is written by hand.
 *
 * <p>One step, with N = B*S*S cells and feature-major layouts:
 * <pre>
 *   z = perceive(x)                [C*K, N]   (Java stencil, exact adjoint)
 *   a = W2^T z (+ b2)              [H, N]     (GEMM)
 *   f = W1^T u(a)                  [C, N]     (GEMM)
 *   x' = x + m * (f + v)                      (m: Bernoulli(q) per cell or per element)
 *   x' = l * x'                               (optional alive masking, l per cell, see AliveRule)
 * </pre>
 * States enter and leave as {@code [B, C, S, S]}. An engine is bound to one config, lattice side
 * and data type; it keeps reusable buffers per batch size and is not thread-safe.
 */
public final class StencilGemmEngine implements NcaEngine {

    /** This engine's name, as recipes and the command line select it. */
    public static final String NAME = "stencil-gemm";

    private final NcaConfig config;
    private final int size;
    private final DataType dtype;
    private final Stencil stencil;
    private final AliveMask alive;
    private final Map<Integer, Workspace> workspaces = new HashMap<>();
    private final Map<Workspace, Long> generations = new HashMap<>();
    private final EngineProfile profile = new EngineProfile();
    private final FloatRowOps rowOps;

    /**
     * An engine for lattices of side {@code size} in {@code dtype} (FLOAT or DOUBLE). Its float32
     * stencil loops use SIMD when the JVM has the module {@code jdk.incubator.vector} (see
     * {@link #stencilLoops()}).
     */
    public StencilGemmEngine(NcaConfig config, int size, DataType dtype) {
        this(config, size, dtype, FloatRowOps.select());
    }

    StencilGemmEngine(NcaConfig config, int size, DataType dtype, FloatRowOps rowOps) {
        this.rowOps = rowOps;
        this.config = config;
        this.size = size;
        this.dtype = dtype;
        this.stencil = new Stencil(config.kernels(), config.boundary(), size);
        this.alive = config.aliveMasked() ? new AliveMask(config.alive(), size, config.boundary()) : null;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EngineProfile profile() {
        return profile;
    }

    @Override
    public NcaConfig config() {
        return config;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public DataType dataType() {
        return dtype;
    }

    @Override
    public String describe() {
        return NAME + ", stencil loops " + stencilLoops();
    }

    /** How the float32 stencil loops run: {@code "scalar"} or e.g. {@code "vector (16 x float32)"}. */
    public String stencilLoops() {
        return rowOps.describe();
    }

    @Override
    public Rollout rollout(NcaParameters params, INDArray start, int steps, int[] recordSteps,
                           SplittableRandom maskRandom, boolean keepTape) {
        checkState(start);
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        Workspace ws = workspace((int) start.size(0));
        readFeatureMajor(ws.x, start);
        double[] bias = params.v().data().asDouble();
        TreeMap<Integer, INDArray> recorded = new TreeMap<>();
        java.util.Set<Integer> wanted = new java.util.HashSet<>();
        for (int s : recordSteps) {
            if (s < 1 || s > steps) {
                throw new IllegalArgumentException("record step " + s + " outside 1.." + steps);
            }
            wanted.add(s);
        }
        for (int t = 0; t < steps; t++) {
            INDArray z = ws.z(t, keepTape);
            INDArray a = ws.a(t, keepTape);
            HostArray life = alive == null ? null : ws.life(t, keepTape);
            if (life != null) {
                alive.evaluate(ws.x, ws.batch, life);
            }
            long t0 = System.nanoTime();
            stencil.forward(ws.x, ws.zHost, ws.pad, config.channels(), ws.batch);
            long t1 = System.nanoTime();
            profile.add(EngineProfile.Section.PERCEIVE, t0);
            ws.zHost.writeTo(z);
            long t2 = System.nanoTime();
            profile.add(EngineProfile.Section.TRANSFER, t1);
            Nd4j.gemm(params.w2(), z, a, true, false, 1.0, 0.0);
            if (params.b2() != null) {
                a.addiColumnVector(params.b2());
            }
            long t3 = System.nanoTime();
            profile.add(EngineProfile.Section.GEMM_FORWARD, t2);
            INDArray u = ws.u(t, keepTape);
            config.activation().apply(a, u);
            long t4 = System.nanoTime();
            profile.add(EngineProfile.Section.ACTIVATION, t3);
            Nd4j.gemm(params.w1(), u, ws.f, true, false, 1.0, 0.0);
            long t5 = System.nanoTime();
            profile.add(EngineProfile.Section.GEMM_FORWARD, t4);
            ws.fHost.readFrom(ws.f);
            long t6 = System.nanoTime();
            profile.add(EngineProfile.Section.TRANSFER, t5);
            HostArray mask = config.masked() ? sampleMask(ws, ws.mask(t, keepTape), maskRandom) : null;
            for (int c = 0; c < config.channels(); c++) {
                int mOff = config.maskMode() == MaskMode.CELL ? 0 : c * ws.cells;
                ws.x.residual(c * ws.cells, ws.fHost, bias[c], mask, mOff, ws.cells);
            }
            if (life != null) {
                alive.evaluate(ws.x, ws.batch, ws.lifeAfter);
                AliveMask.intersect(life, ws.lifeAfter);
                AliveMask.apply(ws.x, config.channels(), life, ws.cells);
            }
            profile.add(EngineProfile.Section.ELEMENTWISE, t6);
            if (wanted.contains(t + 1)) {
                long t7 = System.nanoTime();
                recorded.put(t + 1, currentState(ws));
                profile.add(EngineProfile.Section.TRANSFER, t7);
            }
        }
        INDArray last = recorded.containsKey(steps) ? recorded.get(steps) : currentState(ws);
        long gen = generations.merge(ws, 1L, Long::sum);
        return new Rollout(recorded, last, steps, keepTape ? new WorkspaceTape(this, ws, gen) : null);
    }

    @Override
    public INDArray backward(NcaParameters params, Rollout rollout, Map<Integer, INDArray> gradients,
                             NcaParameters grads) {
        WorkspaceTape tape = rollout.tape(this, WorkspaceTape.class);
        Workspace ws = tape.workspace();
        if (generations.getOrDefault(ws, 0L) != tape.generation()) {
            throw new IllegalStateException("the tape was overwritten by a later rollout of the same batch size");
        }
        ws.gx.zero();
        for (int t = rollout.steps(); t >= 1; t--) {
            INDArray g = gradients.get(t);
            if (g != null) {
                checkState(g);
                // ws.gf is free here: stepBackward overwrites it before reading it
                readFeatureMajor(ws.gf, g);
                ws.gx.add(ws.gf);
            }
            stepBackward(params, ws, t - 1, grads);
        }
        return sampleMajor(ws.gx, ws.batch);
    }

    /** One step back: ws.gx holds dL/dx_{t+1} on entry and dL/dx_t on exit. */
    private void stepBackward(NcaParameters p, Workspace ws, int t, NcaParameters grads) {
        int n = ws.cells;
        long t0 = System.nanoTime();
        if (alive != null) {
            // x_{t+1} = life * (x_t + m * f): dead cells pass no gradient back
            AliveMask.apply(ws.gx, config.channels(), ws.life(t, true), n);
        }
        HostArray mask = config.masked() ? ws.mask(t, true) : null;
        for (int c = 0; c < config.channels(); c++) {
            int mOff = config.maskMode() == MaskMode.CELL ? 0 : c * n;
            ws.gf.maskedCopy(c * n, ws.gx, mask, mOff, n);
        }
        INDArray v = grads.v();
        for (int c = 0; c < config.channels(); c++) {
            v.putScalar(c, 0, v.getDouble(c, 0) + ws.gf.sum(c * n, n));
        }
        long t1 = System.nanoTime();
        profile.add(EngineProfile.Section.ELEMENTWISE, t0);
        ws.gf.writeTo(ws.gfArr);
        long t3 = System.nanoTime();
        profile.add(EngineProfile.Section.TRANSFER, t1);
        INDArray a = ws.a(t, true);
        Nd4j.gemm(ws.u(t, true), ws.gfArr, grads.w1(), false, true, 1.0, 1.0);
        Nd4j.gemm(p.w1(), ws.gfArr, ws.gh, false, false, 1.0, 0.0);
        long t4 = System.nanoTime();
        profile.add(EngineProfile.Section.GEMM_BACKWARD, t3);
        config.activation().derivative(a, ws.du);
        ws.gh.muli(ws.du);
        long t5 = System.nanoTime();
        profile.add(EngineProfile.Section.ACTIVATION, t4);
        if (grads.b2() != null) {
            grads.b2().addi(ws.gh.sum(true, 1));
        }
        Nd4j.gemm(ws.z(t, true), ws.gh, grads.w2(), false, true, 1.0, 1.0);
        Nd4j.gemm(p.w2(), ws.gh, ws.gz, false, false, 1.0, 0.0);
        long t6 = System.nanoTime();
        profile.add(EngineProfile.Section.GEMM_BACKWARD, t5);
        ws.zHost.readFrom(ws.gz);
        long t7 = System.nanoTime();
        profile.add(EngineProfile.Section.TRANSFER, t6);
        stencil.adjoint(ws.zHost, ws.gx, ws.pad, ws.border, config.channels(), ws.batch);
        profile.add(EngineProfile.Section.PERCEIVE_ADJOINT, t7);
    }

    private HostArray sampleMask(Workspace ws, HostArray mask, SplittableRandom random) {
        ws.masks.drawInto(mask, random);
        return mask;
    }

    private INDArray currentState(Workspace ws) {
        return sampleMajor(ws.x, ws.batch);
    }

    /** A new {@code [B, C, S, S]} array from a feature-major host array, copied plane by plane. */
    private INDArray sampleMajor(HostArray featureMajor, int batch) {
        INDArray out = Nd4j.create(dtype, batch, config.channels(), size, size);
        featureMajor.writeSampleMajor(out, batch, config.channels(), size * size);
        return out;
    }

    /**
     * Reads {@code [B, C, S, S]} (any floating type) into a feature-major host array: plane by plane
     * when it is a plain c-order array of this engine's type, else through a permuted copy (freed).
     */
    private void readFeatureMajor(HostArray target, INDArray state) {
        int batch = (int) state.size(0);
        if (PlainArrays.isPlain(state, dtype, (long) batch * config.channels() * size * size)) {
            target.readSampleMajor(state, batch, config.channels(), size * size);
            return;
        }
        INDArray cast = state.dataType() == dtype ? state : state.castTo(dtype);
        INDArray fm = cast.permute(1, 0, 2, 3).dup('c');
        target.readFrom(fm);
        fm.close();
        if (cast != state) {
            cast.close();
        }
    }

    private void checkState(INDArray state) {
        if (state.rank() != 4 || state.size(1) != config.channels() || state.size(2) != size || state.size(3) != size) {
            throw new IllegalArgumentException("state must be [B, " + config.channels() + ", " + size + ", " + size
                    + "], got " + java.util.Arrays.toString(state.shape()));
        }
    }

    private Workspace workspace(int batch) {
        return workspaces.computeIfAbsent(batch, b -> new Workspace(config, dtype, b, size, rowOps));
    }

    @Override
    public long tapeBytes() {
        return workspaces.values().stream().mapToLong(Workspace::tapeBytes).sum();
    }

    /** Drops every buffer; the ND4J arrays among them are closed, which frees their native memory. */
    @Override
    public void close() {
        workspaces.values().forEach(Workspace::close);
        workspaces.clear();
        generations.clear();
    }

    /** A rollout's tape: the workspace of its batch size and which of its rollouts it holds. */
    private record WorkspaceTape(NcaEngine owner, Workspace workspace, long generation) implements Rollout.Tape {
    }
}
