package dev.nca.core.engine.fused;

import dev.nca.api.ArrayActivation;
import dev.nca.core.engine.EngineProfile;
import dev.nca.core.engine.FloatRowOps;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.engine.PlainArrays;
import dev.nca.core.engine.Rollout;
import dev.nca.core.engine.UpdateMasks;
import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import dev.nca.core.model.NcaParameters;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused CPU engine ({@value #NAME}, float32): each step runs tile by tile (a few whole lattice
 * rows of one sample, about {@value #TILE_CELLS} cells), and per tile the perception, both layers,
 * the activation and the masked residual update run back to back on buffers that stay in cache,
 * through register-blocked SIMD micro-kernels ({@link TileKernels}) instead of whole-lattice GEMMs.
 * The tape holds only the states and masks of a rollout; the backward pass recomputes perception
 * and hidden layer per tile from the state and runs the adjoints right after (see docs/performance.md
 * for the comparison with keeping the hidden layer on the tape).
 *
 * <p>Same model and mask order as every engine ({@link NcaEngine}, {@link UpdateMasks}). It needs an
 * activation that implements {@link ArrayActivation} and supports neither alive masking nor float64
 * ({@link FusedEngineFactory#supports}); states enter and leave as {@code [B, C, S, S]} float32.
 * Not thread-safe.
 */
public final class FusedEngine implements NcaEngine {

    /** This engine's name, as recipes and the command line select it. */
    public static final String NAME = "fused";
    /** Cells per tile the engine aims at (whole rows, at least one). */
    static final int TILE_CELLS = 256;

    private final NcaConfig config;
    private final int size;
    private final int rowsPerTile;
    private final TileStencil stencil;
    private final TileKernels kernels;
    private final FloatRowOps rowOps;
    private final TileStep step;
    private final EngineProfile profile = new EngineProfile();
    private final Map<Integer, BatchBuffers> buffers = new HashMap<>();
    private final boolean tapeHidden;

    /**
     * @throws IllegalArgumentException when the config has alive masking or an activation without
     *                                  {@link ArrayActivation}
     */
    public FusedEngine(NcaConfig config, int size) {
        this(config, size, TileKernels.select(), FloatRowOps.select(),
                "hidden".equals(System.getProperty("nca.engine.fused.tape")));
    }

    /**
     * @param tapeHidden whether the tape also keeps every tile's pre-activation (the backward pass then
     *                   skips the first layer; more memory traffic), else only states and masks
     */
    FusedEngine(NcaConfig config, int size, TileKernels kernels, FloatRowOps rowOps, boolean tapeHidden) {
        if (config.aliveMasked()) {
            throw new IllegalArgumentException("the fused engine does not support alive masking");
        }
        if (!(config.activation() instanceof ArrayActivation act)) {
            throw new IllegalArgumentException("the fused engine needs an activation with float arrays (ArrayActivation); '"
                    + config.activation().name() + "' has none");
        }
        this.config = config;
        this.size = size;
        this.tapeHidden = tapeHidden;
        this.rowsPerTile = Math.max(1, Math.min(size, TILE_CELLS / size));
        this.kernels = kernels;
        this.rowOps = rowOps;
        this.stencil = new TileStencil(config.kernels(), config.boundary(), size, rowOps);
        this.step = new TileStep(config.channels(), config.perceptionSize(), config.hidden(), size, rowsPerTile,
                stencil, kernels, act, profile);
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
        return DataType.FLOAT;
    }

    @Override
    public EngineProfile profile() {
        return profile;
    }

    @Override
    public String describe() {
        return NAME + ", tiles of " + rowsPerTile + " x " + size + " cells, kernels " + kernels.describe()
                + ", stencil loops " + rowOps.describe() + ", tape: " + (tapeHidden ? "states and pre-activations" : "states");
    }

    @Override
    public Rollout rollout(NcaParameters params, INDArray start, int steps, int[] recordSteps,
                           SplittableRandom maskRandom, boolean keepTape) {
        checkState(start);
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        Set<Integer> wanted = new HashSet<>();
        for (int s : recordSteps) {
            if (s < 1 || s > steps) {
                throw new IllegalArgumentException("record step " + s + " outside 1.." + steps);
            }
            wanted.add(s);
        }
        BatchBuffers buf = buffers((int) start.size(0));
        FloatWeights w = FloatWeights.of(params);
        float[] x0 = buf.state(0, keepTape);
        readFloats(start, x0, buf.stateLength);
        TreeMap<Integer, INDArray> recorded = new TreeMap<>();
        UpdateMasks masks = new UpdateMasks(config, buf.batch, size);
        int maskStride = maskStride(buf);
        for (int t = 1; t <= steps; t++) {
            float[] x = buf.state(t - 1, keepTape);
            float[] next = buf.state(t, keepTape);
            float[] mask = null;
            if (config.masked()) {
                mask = buf.mask(t, keepTape);
                masks.drawInto(mask, maskRandom);
            }
            long t0 = System.nanoTime();
            stencil.pad(x, buf.pad, buf.batch * config.channels());
            profile.add(EngineProfile.Section.PERCEIVE, t0);
            float[] hidden = keepTape && tapeHidden ? buf.hidden(t, tiles(buf) * step.hiddenTileLength()) : null;
            int tile = 0;
            for (int b = 0; b < buf.batch; b++) {
                for (int i0 = 0; i0 < size; i0 += rowsPerTile) {
                    step.forward(w, buf.pad, x, next, mask, maskStride, b, i0, Math.min(rowsPerTile, size - i0),
                            hidden, tile++ * step.hiddenTileLength());
                }
            }
            if (wanted.contains(t)) {
                recorded.put(t, array(next, buf.batch));
            }
        }
        INDArray last = recorded.containsKey(steps) ? recorded.get(steps) : array(buf.state(steps, keepTape), buf.batch);
        Rollout.Tape tape = keepTape ? new StateTape(this, buf, ++buf.generation) : null;
        return new Rollout(recorded, last, steps, tape);
    }

    @Override
    public INDArray backward(NcaParameters params, Rollout rollout, Map<Integer, INDArray> gradients,
                             NcaParameters grads) {
        StateTape tape = rollout.tape(this, StateTape.class);
        BatchBuffers buf = tape.buffers();
        if (buf.generation != tape.generation()) {
            throw new IllegalStateException("the tape was overwritten by a later rollout of the same batch size");
        }
        FloatWeights w = FloatWeights.of(params);
        int c = config.channels();
        int h = config.hidden();
        double[] dW1 = new double[h * c];
        double[] dW2 = new double[config.perceptionSize() * h];
        double[] db2 = new double[h];
        double[] dv = new double[c];
        float[] gx = buf.gx;
        Arrays.fill(gx, 0f);
        int maskStride = maskStride(buf);
        for (int t = rollout.steps(); t >= 1; t--) {
            INDArray g = gradients.get(t);
            if (g != null) {
                checkState(g);
                float[] add = buf.gradientScratch;
                readFloats(g, add, gx.length);
                for (int i = 0; i < gx.length; i++) {
                    gx[i] += add[i];
                }
            }
            float[] x = buf.state(t - 1, true);
            float[] mask = config.masked() ? buf.mask(t, true) : null;
            long t0 = System.nanoTime();
            stencil.pad(x, buf.pad, buf.batch * c);
            Arrays.fill(buf.gpad, 0f);
            profile.add(EngineProfile.Section.PERCEIVE, t0);
            float[] hidden = tapeHidden ? buf.hidden(t, tiles(buf) * step.hiddenTileLength()) : null;
            int tile = 0;
            for (int b = 0; b < buf.batch; b++) {
                for (int i0 = 0; i0 < size; i0 += rowsPerTile) {
                    step.backward(w, buf.pad, gx, buf.gpad, mask, maskStride, b, i0, Math.min(rowsPerTile, size - i0),
                            hidden, tile++ * step.hiddenTileLength());
                }
            }
            long t1 = System.nanoTime();
            step.flush(dW1, dW2, db2, dv);
            stencil.fold(buf.gpad, gx, buf.batch * c);
            profile.add(EngineProfile.Section.PERCEIVE_ADJOINT, t1);
        }
        add(grads.w1(), dW1);
        add(grads.w2(), dW2);
        if (grads.b2() != null) {
            add(grads.b2(), db2);
        }
        add(grads.v(), dv);
        return array(gx, buf.batch);
    }

    private int tiles(BatchBuffers buf) {
        return buf.batch * ((size + rowsPerTile - 1) / rowsPerTile);
    }

    private int maskStride(BatchBuffers buf) {
        return config.maskMode() == MaskMode.ELEMENT ? buf.batch * size * size : 0;
    }

    private static void add(INDArray target, double[] values) {
        INDArray delta = Nd4j.create(values, target.shape(), DataType.DOUBLE).castTo(target.dataType());
        target.addi(delta);
    }

    /**
     * Copies the first {@code length} values of an array (C order, e.g. a state {@code [B, C, S, S]})
     * into {@code into}: straight from the buffer of a plain c-order float32 array, else through a
     * float32 c-order copy (freed).
     */
    static void readFloats(INDArray state, float[] into, int length) {
        if (PlainArrays.isPlain(state, DataType.FLOAT, length)) {
            state.data().asNioFloat().get(0, into, 0, length);
            return;
        }
        INDArray cast = state.castTo(DataType.FLOAT);
        INDArray copy = cast.dup('c');
        System.arraycopy(copy.data().asFloat(), 0, into, 0, length);
        copy.close();
        if (cast != state && cast.closeable()) {
            cast.close();
        }
    }

    /** A new {@code [B, C, S, S]} float32 array holding the first B C S S values of {@code state}. */
    private INDArray array(float[] state, int batch) {
        INDArray out = Nd4j.create(DataType.FLOAT, batch, config.channels(), size, size);
        out.data().asNioFloat().put(0, state, 0, batch * config.channels() * size * size);
        return out;
    }

    private void checkState(INDArray state) {
        if (state.rank() != 4 || state.size(1) != config.channels() || state.size(2) != size || state.size(3) != size) {
            throw new IllegalArgumentException("state must be [B, " + config.channels() + ", " + size + ", " + size
                    + "], got " + Arrays.toString(state.shape()));
        }
    }

    private BatchBuffers buffers(int batch) {
        return buffers.computeIfAbsent(batch, b -> new BatchBuffers(b, config.channels(), size,
                stencil.paddedPlane(), new UpdateMasks(config, b, size).length()));
    }

    @Override
    public long tapeBytes() {
        return buffers.values().stream().mapToLong(BatchBuffers::tapeBytes).sum();
    }

    @Override
    public long tapeBytesPerStep(int batch) {
        long cells = (long) batch * size * size;
        long hidden = tapeHidden ? (long) batch * ((size + rowsPerTile - 1) / rowsPerTile) * step.hiddenTileLength() : 0;
        return 4L * (cells * config.channels() + hidden
                + (config.masked() ? new UpdateMasks(config, batch, size).length() : 0));
    }

    @Override
    public void close() {
        buffers.clear();
    }

    /** A rollout's tape: the buffers of its batch size and which of their rollouts it holds. */
    private record StateTape(NcaEngine owner, BatchBuffers buffers, long generation) implements Rollout.Tape {
    }
}
