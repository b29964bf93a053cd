package dev.nca.core.engine;

import dev.nca.core.model.MaskMode;
import dev.nca.core.model.NcaConfig;
import java.util.SplittableRandom;

/**
 * The update masks of one step, drawn in the one order every engine uses, so that engines given
 * the same random source make the same rollout.
 *
 * <p>Per cell ({@link MaskMode#CELL}): {@code B*S*S} draws, index {@code (b*S + i)*S + j}.
 * Per element ({@link MaskMode#ELEMENT}): {@code C*B*S*S} draws, index
 * {@code ((c*B + b)*S + i)*S + j} (channel-major). Each draw is 1 with probability q
 * ({@code nextDouble() < q}), else 0.
 */
public final class UpdateMasks {

    private final double q;
    private final int length;

    /** Masks for {@code batch} samples of the config's lattice side {@code size}. */
    public UpdateMasks(NcaConfig config, int batch, int size) {
        this.q = config.updateProbability();
        int cells = batch * size * size;
        this.length = config.maskMode() == MaskMode.CELL ? cells : config.channels() * cells;
    }

    /** Number of draws per step. */
    public int length() {
        return length;
    }

    /** Draws one step's mask into a new array of {@link #length()} zeros and ones. */
    public double[] draw(SplittableRandom random) {
        double[] mask = new double[length];
        for (int i = 0; i < length; i++) {
            mask[i] = random.nextDouble() < q ? 1.0 : 0.0;
        }
        return mask;
    }

    /** Draws one step's mask into {@code mask} (length at least {@link #length()}). */
    public void drawInto(float[] mask, SplittableRandom random) {
        for (int i = 0; i < length; i++) {
            mask[i] = random.nextDouble() < q ? 1f : 0f;
        }
    }

    /** Draws one step's mask into {@code mask} (length {@link #length()}). */
    void drawInto(HostArray mask, SplittableRandom random) {
        for (int i = 0; i < length; i++) {
            mask.set(i, random.nextDouble() < q ? 1.0 : 0.0);
        }
    }
}
