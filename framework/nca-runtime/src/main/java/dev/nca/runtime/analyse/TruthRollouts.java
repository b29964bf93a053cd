package dev.nca.runtime.analyse;

import dev.nca.api.NcaException;
import dev.nca.api.TrueDynamics;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dataset's true system as {@link RolloutDynamics} on the NCA's clock: with {@code frameSpacing}
 * NCA steps per frame and {@link TrueDynamics#stepsPerFrame()} native steps per frame, n NCA steps
 * are {@code n * stepsPerFrame / frameSpacing} native steps, which must be whole. States are the
 * observable channels only, {@code [B, C_obs, S, S]}.
 */
public final class TruthRollouts implements RolloutDynamics {

    private final TrueDynamics truth;
    private final int frameSpacing;
    private final int observable;

    /**
     * @param truth        the dataset's true dynamics
     * @param frameSpacing NCA steps per frame (the recipe's frame_spacing), >= 1
     * @param observable   C_obs
     */
    public TruthRollouts(TrueDynamics truth, int frameSpacing, int observable) {
        if (frameSpacing < 1) {
            throw new IllegalArgumentException("frameSpacing must be >= 1, got " + frameSpacing);
        }
        this.truth = truth;
        this.frameSpacing = frameSpacing;
        this.observable = observable;
    }

    /**
     * The native steps of the true system in {@code ncaSteps} NCA steps.
     *
     * @throws NcaException when that is not a whole number
     */
    public int nativeSteps(int ncaSteps) {
        long scaled = (long) ncaSteps * truth.stepsPerFrame();
        if (scaled % frameSpacing != 0) {
            throw new NcaException("step " + ncaSteps + " is not a whole number of steps of the true system: one frame is "
                    + frameSpacing + " NCA steps and " + truth.stepsPerFrame() + " steps of the true system, so"
                    + " the true system can only be compared at multiples of "
                    + frameSpacing / gcd(frameSpacing, truth.stepsPerFrame()) + " NCA steps");
        }
        return Math.toIntExact(scaled / frameSpacing);
    }

    /** Native steps of the true system per NCA step (stepsPerFrame / frameSpacing; may be fractional). */
    public double nativeStepsPerNcaStep() {
        return (double) truth.stepsPerFrame() / frameSpacing;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public int observable() {
        return observable;
    }

    @Override
    public List<INDArray> roll(INDArray start, int[] steps, Progress progress, String task) {
        for (int s : steps) {
            nativeSteps(s);
        }
        return SteppedRollout.run(start, steps, progress, task,
                (state, from, to) -> truth.advance(state, nativeSteps(to) - nativeSteps(from)));
    }
}
