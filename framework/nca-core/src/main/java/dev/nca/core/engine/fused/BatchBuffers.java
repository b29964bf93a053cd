package dev.nca.core.engine.fused;

import java.util.ArrayList;
import java.util.List;

/**
 * The fused engine's buffers for one batch size, reused across rollouts (fresh large allocations
 * cost page faults). The tape is the states {@code x_0 .. x_T} ({@code [B][C][S][S]} each) and the
 * update masks of the steps; everything else is recomputed per tile in the backward pass.
 */
final class BatchBuffers {

    final int batch;
    final int stateLength;
    final int maskLength;
    /** Padded state, {@code [B][C][S+2][S+2]}. */
    final float[] pad;
    /** Padded state gradient, {@code [B][C][S+2][S+2]}. */
    final float[] gpad;
    /** State gradient, {@code [B][C][S][S]}. */
    final float[] gx;
    /** A loss gradient read from ND4J before it is added to {@link #gx}, {@code [B][C][S][S]}. */
    final float[] gradientScratch;
    private final float[][] pingPong;
    private final float[] scratchMask;
    private final List<float[]> states = new ArrayList<>();
    private final List<float[]> masks = new ArrayList<>();
    private final List<float[]> hidden = new ArrayList<>();
    /** Counts taped rollouts, so that a tape can tell whether it was overwritten. */
    long generation;

    BatchBuffers(int batch, int channels, int size, int paddedPlane, int maskLength) {
        this.batch = batch;
        this.stateLength = batch * channels * size * size;
        this.maskLength = maskLength;
        pad = new float[batch * channels * paddedPlane];
        gpad = new float[pad.length];
        gx = new float[stateLength];
        gradientScratch = new float[stateLength];
        pingPong = new float[][] {new float[stateLength], new float[stateLength]};
        scratchMask = new float[Math.max(1, maskLength)];
    }

    /** The state after step t (0 = start): the tape's when taped, else one of two alternating buffers. */
    float[] state(int t, boolean taped) {
        if (!taped) {
            return pingPong[t & 1];
        }
        while (states.size() <= t) {
            states.add(new float[stateLength]);
        }
        return states.get(t);
    }

    /** The mask of step t (1-based), taped or scratch. */
    float[] mask(int t, boolean taped) {
        if (!taped) {
            return scratchMask;
        }
        while (masks.size() < t) {
            masks.add(new float[Math.max(1, maskLength)]);
        }
        return masks.get(t - 1);
    }

    /** The pre-activations of step t (1-based), {@code length} floats, for the hidden-layer tape. */
    float[] hidden(int t, int length) {
        while (hidden.size() < t) {
            hidden.add(new float[length]);
        }
        return hidden.get(t - 1);
    }

    /** Bytes held by the tape. */
    long tapeBytes() {
        long h = hidden.stream().mapToLong(a -> a.length).sum();
        return 4L * ((long) states.size() * stateLength + (long) masks.size() * maskLength + h);
    }
}
