package dev.nca.core.engine.reference;

import dev.nca.core.engine.EngineProfile;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.engine.Rollout;
import dev.nca.core.engine.UpdateMasks;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The device-agnostic reference engine ({@value #NAME}): every step is ND4J operations only (see
 * {@link LatticeOps}; matrix products and element-wise ops), so the whole rollout and its
 * back-propagation run on whichever ND4J backend is loaded — what a CUDA build runs end to end.
 * It is written for clarity, not speed: the per-cell layers work cell-major ({@code [N, features]},
 * N = B*S*S), and each step allocates its arrays afresh.
 *
 * <p>One step on {@code x [B, C, S, S]}:
 * <pre>
 *   Z = cells(perceive(x))          [N, C*K]   feature c*K + k
 *   A = Z W2 (+ b2)                 [N, H]
 *   F = u(A) W1 + v                 [N, C]
 *   x' = l * (x + m * lattice(F))   m: update mask, l: alive cells (optional)
 * </pre>
 * The tape of a rollout is its own (nothing is reused), so it stays valid after later rollouts.
 */
public final class Nd4jReferenceEngine implements NcaEngine {

    /** This engine's name, as recipes and the command line select it. */
    public static final String NAME = "nd4j-reference";

    private final NcaConfig config;
    private final int size;
    private final DataType dtype;
    private final LatticeOps lattice;
    private final EngineProfile profile = new EngineProfile();
    private long tapeBytes;

    /** An engine for lattices of side {@code size} (>= 3) in {@code dtype} (FLOAT or DOUBLE). */
    public Nd4jReferenceEngine(NcaConfig config, int size, DataType dtype) {
        if (size < 3) {
            throw new IllegalArgumentException("lattice side must be >= 3, got " + size);
        }
        this.config = config;
        this.size = size;
        this.dtype = LatticeOps.check(dtype);
        this.lattice = new LatticeOps(config.kernels(), config.boundary(), size);
    }

    /** One step's saved values. */
    private record StepTape(INDArray z, INDArray a, INDArray u, INDArray mask, INDArray life) {
    }

    private record Tape(NcaEngine owner, List<StepTape> steps) implements Rollout.Tape {
    }

    @Override
    public Rollout rollout(NcaParameters params, INDArray start, int steps, int[] recordSteps,
                           SplittableRandom maskRandom, boolean keepTape) {
        checkState(start);
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        boolean[] wanted = new boolean[steps + 1];
        for (int s : recordSteps) {
            if (s < 1 || s > steps) {
                throw new IllegalArgumentException("record step " + s + " outside 1.." + steps);
            }
            wanted[s] = true;
        }
        int batch = (int) start.size(0);
        UpdateMasks masks = new UpdateMasks(config, batch, size);
        INDArray x = start.castTo(dtype).dup('c');
        TreeMap<Integer, INDArray> recorded = new TreeMap<>();
        List<StepTape> tape = keepTape ? new ArrayList<>(steps) : null;
        for (int t = 1; t <= steps; t++) {
            long t0 = System.nanoTime();
            INDArray lifeBefore = config.aliveMasked() ? alive(x) : null;
            INDArray z = toCells(lattice.perceive(x));
            profile.add(EngineProfile.Section.PERCEIVE, t0);
            long t1 = System.nanoTime();
            INDArray a = z.mmul(params.w2());
            if (params.b2() != null) {
                a.addiRowVector(params.b2().reshape(1, config.hidden()));
            }
            INDArray u = Nd4j.createUninitialized(dtype, a.shape());
            config.activation().apply(a, u);
            INDArray f = u.mmul(params.w1());
            f.addiRowVector(params.v().reshape(1, config.channels()));
            profile.add(EngineProfile.Section.GEMM_FORWARD, t1);
            long t2 = System.nanoTime();
            INDArray update = toLattice(f, batch);
            INDArray mask = config.masked() ? mask(masks.draw(maskRandom), batch) : null;
            x = x.add(mask == null ? update : update.muli(mask));
            INDArray life = null;
            if (lifeBefore != null) {
                life = lifeBefore.muli(alive(x));
                x.muli(life);
            }
            profile.add(EngineProfile.Section.ELEMENTWISE, t2);
            if (tape != null) {
                tape.add(new StepTape(z, a, u, mask, life));
            }
            if (wanted[t]) {
                recorded.put(t, x.dup());
            }
        }
        if (tape != null) {
            long perStep = (long) batch * size * size * (config.perceptionSize() + 2L * config.hidden()) * dtype.width();
            tapeBytes = perStep * steps;
        }
        return new Rollout(recorded, recorded.containsKey(steps) ? recorded.get(steps) : x, steps,
                tape == null ? null : new Tape(this, tape));
    }

    @Override
    public INDArray backward(NcaParameters params, Rollout rollout, Map<Integer, INDArray> gradients,
                             NcaParameters grads) {
        List<StepTape> tape = rollout.tape(this, Tape.class).steps();
        int batch = (int) rollout.finalState().size(0);
        INDArray gx = Nd4j.zeros(dtype, batch, config.channels(), size, size);
        for (int t = rollout.steps(); t >= 1; t--) {
            INDArray g = gradients.get(t);
            if (g != null) {
                checkState(g);
                gx.addi(g.castTo(dtype));
            }
            gx = stepBackward(params, tape.get(t - 1), gx, batch, grads);
        }
        return gx;
    }

    /** dL/dx_{t+1} in, dL/dx_t out; adds the parameter gradients of step t. */
    private INDArray stepBackward(NcaParameters p, StepTape step, INDArray gx, int batch, NcaParameters grads) {
        long t0 = System.nanoTime();
        INDArray through = step.life() == null ? gx : gx.mul(step.life());
        INDArray gUpdate = step.mask() == null ? through : through.mul(step.mask());
        grads.v().addi(gUpdate.sum(0, 2, 3).reshape(config.channels(), 1));
        INDArray gf = toCells(gUpdate);
        profile.add(EngineProfile.Section.ELEMENTWISE, t0);
        long t1 = System.nanoTime();
        grads.w1().addi(step.u().transpose().mmul(gf));
        INDArray gh = gf.mmul(p.w1().transpose());
        INDArray du = Nd4j.createUninitialized(dtype, step.a().shape());
        config.activation().derivative(step.a(), du);
        gh.muli(du);
        if (grads.b2() != null) {
            grads.b2().addi(gh.sum(0).reshape(config.hidden(), 1));
        }
        grads.w2().addi(step.z().transpose().mmul(gh));
        INDArray gz = gh.mmul(p.w2().transpose());
        profile.add(EngineProfile.Section.GEMM_BACKWARD, t1);
        long t2 = System.nanoTime();
        INDArray perceptionGrad = lattice.perceiveAdjoint(fromCells(gz, batch));
        profile.add(EngineProfile.Section.PERCEIVE_ADJOINT, t2);
        return through.add(perceptionGrad);
    }

    /** 1 for the cells alive in {@code x} by the config's alive rule, {@code [B, C, S, S]} (repeated over C). */
    private INDArray alive(INDArray x) {
        int ch = config.alive().channel();
        INDArray plane = x.get(NDArrayIndex.all(), NDArrayIndex.interval(ch, ch + 1), NDArrayIndex.all(),
                NDArrayIndex.all()).dup();
        return lattice.alive(plane, config.alive().threshold()).repeat(1, config.channels());
    }

    /** A drawn mask in {@link UpdateMasks}' order as {@code [B, C, S, S]}. */
    private INDArray mask(double[] draws, int batch) {
        INDArray m = Nd4j.createFromArray(draws).castTo(dtype);
        if (config.maskMode() == MaskMode.CELL) {
            return m.reshape(batch, 1, size, size).repeat(1, config.channels());
        }
        return m.reshape(config.channels(), batch, size, size).permute(1, 0, 2, 3).dup('c');
    }

    /** {@code [B, F, S, S]} or {@code [B, C, K, S, S]} -> cell-major {@code [B*S*S, F]}. */
    private INDArray toCells(INDArray lattice) {
        long cells = lattice.size(0) * size * size;
        int[] order = lattice.rank() == 4 ? new int[] {0, 2, 3, 1} : new int[] {0, 3, 4, 1, 2};
        return lattice.permute(order).dup('c').reshape(cells, lattice.length() / cells);
    }

    /** Cell-major {@code [B*S*S, C]} -> {@code [B, C, S, S]}. */
    private INDArray toLattice(INDArray cells, int batch) {
        return cells.reshape(batch, size, size, cells.size(1)).permute(0, 3, 1, 2).dup('c');
    }

    /** Cell-major {@code [B*S*S, C*K]} -> {@code [B, C, K, S, S]}. */
    private INDArray fromCells(INDArray cells, int batch) {
        return cells.reshape(batch, size, size, config.channels(), config.kernelCount())
                .permute(0, 3, 4, 1, 2).dup('c');
    }

    private void checkState(INDArray state) {
        if (state.rank() != 4 || state.size(1) != config.channels() || state.size(2) != size || state.size(3) != size) {
            throw new IllegalArgumentException("state must be [B, " + config.channels() + ", " + size + ", " + size
                    + "], got " + Arrays.toString(state.shape()));
        }
    }

    @Override
    public String name() {
        return NAME;
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
    public long tapeBytes() {
        return tapeBytes;
    }

    @Override
    public EngineProfile profile() {
        return profile;
    }

    @Override
    public String describe() {
        return NAME + " (ND4J operations only, backend " + Nd4j.getBackend().getClass().getSimpleName() + ")";
    }

    /** Holds no buffers between rollouts: nothing to free. */
    @Override
    public void close() {
        tapeBytes = 0;
    }
}
