package dev.nca.core.engine;

import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Buffers for one batch size, reused across steps, mini-batches and epochs (fresh large
 * allocations cost page faults). N = B*S*S cells; all ND4J arrays are c-order and feature-major.
 *
 * <p>The tape holds, per step t, the perception {@code z_t [C*K, N]}, the hidden pre-activation
 * {@code a_t [H, N]}, its activation {@code u(a_t) [H, N]} and the mask; that is what
 * back-propagation needs. Tape memory per step: {@code 4*N*(C*K + 2H)} bytes in float32 plus
 * the mask.
 */
final class Workspace {

    final int batch;
    final int cells;
    final HostArray x;
    final HostArray zHost;
    final HostArray fHost;
    final HostArray gx;
    final HostArray gf;
    /** Padded planes for the stencil, {@code [C][B][S+2][S+2]}. */
    final HostArray pad;
    /** One output-gradient plane with a two-cell zero border, {@code (S+4)^2} (the border is never written). */
    final HostArray border;
    final INDArray f;
    final INDArray gfArr;
    final INDArray gh;
    final INDArray du;
    final INDArray gz;
    private final NcaConfig config;
    private final DataType dtype;
    private final FloatRowOps ops;
    private final List<INDArray> zTape = new ArrayList<>();
    private final List<INDArray> aTape = new ArrayList<>();
    private final List<INDArray> uTape = new ArrayList<>();
    private final List<HostArray> maskTape = new ArrayList<>();
    private final List<HostArray> lifeTape = new ArrayList<>();
    /** Scratch cell mask {@code [N]}: alive after the update, before intersecting with before. */
    final HostArray lifeAfter;
    /** The order in which this batch size's update masks are drawn. */
    final UpdateMasks masks;

    Workspace(NcaConfig config, DataType dtype, int batch, int size, FloatRowOps ops) {
        this.config = config;
        this.ops = ops;
        this.dtype = dtype;
        this.batch = batch;
        this.cells = batch * size * size;
        int c = config.channels();
        int ck = config.perceptionSize();
        int h = config.hidden();
        x = HostArray.create(dtype, c * cells, ops);
        zHost = HostArray.create(dtype, ck * cells, ops);
        fHost = HostArray.create(dtype, c * cells, ops);
        gx = HostArray.create(dtype, c * cells, ops);
        gf = HostArray.create(dtype, c * cells, ops);
        pad = HostArray.create(dtype, c * batch * (size + 2) * (size + 2), ops);
        border = HostArray.create(dtype, (size + 4) * (size + 4), ops);
        f = Nd4j.create(dtype, c, cells);
        gfArr = Nd4j.create(dtype, c, cells);
        gh = Nd4j.create(dtype, h, cells);
        du = Nd4j.create(dtype, h, cells);
        gz = Nd4j.create(dtype, ck, cells);
        lifeAfter = config.aliveMasked() ? HostArray.create(dtype, cells, ops) : null;
        masks = new UpdateMasks(config, batch, size);
    }

    /** Alive cell mask {@code [N]} of step {@code t} (alive before and after the update). */
    HostArray life(int t, boolean taped) {
        int i = taped ? t : 0;
        while (lifeTape.size() <= i) {
            lifeTape.add(HostArray.create(dtype, cells, ops));
        }
        return lifeTape.get(i);
    }

    /** Perception buffer of step {@code t} (0-based); with {@code taped == false} always slot 0. */
    INDArray z(int t, boolean taped) {
        return slot(zTape, taped ? t : 0, config.perceptionSize());
    }

    /** Pre-activation buffer of step {@code t}. */
    INDArray a(int t, boolean taped) {
        return slot(aTape, taped ? t : 0, config.hidden());
    }

    /** Hidden activation u(a) of step {@code t} (kept so back-propagation need not recompute it). */
    INDArray u(int t, boolean taped) {
        return slot(uTape, taped ? t : 0, config.hidden());
    }

    /** Mask buffer of step {@code t}: {@code [N]} per cell or {@code [C*N]} per element. */
    HostArray mask(int t, boolean taped) {
        int i = taped ? t : 0;
        while (maskTape.size() <= i) {
            int len = masks.length();
            maskTape.add(HostArray.create(dtype, len, ops));
        }
        return maskTape.get(i);
    }

    private INDArray slot(List<INDArray> tape, int i, int rows) {
        while (tape.size() <= i) {
            tape.add(Nd4j.create(dtype, rows, cells));
        }
        return tape.get(i);
    }

    /** Frees the native memory of every ND4J buffer; the workspace must not be used afterwards. */
    void close() {
        for (List<INDArray> tape : List.of(zTape, aTape, uTape)) {
            tape.forEach(INDArray::close);
            tape.clear();
        }
        for (INDArray a : new INDArray[] {f, gfArr, gh, du, gz}) {
            a.close();
        }
    }

    /** Bytes held by the tape. */
    long tapeBytes() {
        long per = (long) cells * (config.perceptionSize() + 2L * config.hidden()) * dtype.width();
        return per * Math.max(zTape.size(), aTape.size());
    }
}
