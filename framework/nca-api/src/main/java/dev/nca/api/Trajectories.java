package dev.nca.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Observed time series of lattice states: the training data of an NCA.
 *
 * <p>{@code frames} is {@code [R, T, C_obs, S, S]}: R trajectories of T frames, C_obs observable
 * channels on an S x S lattice, float32 or float64. Consecutive frames are assumed to be
 * {@code frameSpacing} NCA steps apart unless the recipe says otherwise. Treat the array as
 * read-only.
 *
 * @param frames       {@code [R, T, C_obs, S, S]}
 * @param channelNames one name per observable channel
 * @param frameSpacing suggested NCA steps between consecutive frames (the recipe may override)
 * @param boundary     the boundary condition the data were made with, if the dataset knows it
 * @param phases       optional per-frame phase labels
 * @param valueMin     the smallest value an observable channel is expected to take (for images)
 * @param valueMax     the largest value an observable channel is expected to take (for images)
 */
public record Trajectories(INDArray frames, List<String> channelNames, int frameSpacing,
                           Optional<Boundary> boundary, Optional<PhaseLabels> phases,
                           double valueMin, double valueMax) {

    public Trajectories {
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(channelNames, "channelNames");
        Objects.requireNonNull(boundary, "boundary");
        Objects.requireNonNull(phases, "phases");
        if (frames.rank() != 5) {
            throw new IllegalArgumentException("frames must be [R, T, C_obs, S, S], got rank " + frames.rank());
        }
        if (frames.size(3) != frames.size(4)) {
            throw new IllegalArgumentException("lattice must be square, got " + frames.size(3) + "x" + frames.size(4));
        }
        if (channelNames.size() != frames.size(2)) {
            throw new IllegalArgumentException("need one name per observable channel: " + channelNames.size()
                    + " names for " + frames.size(2) + " channels");
        }
        if (frameSpacing < 1) {
            throw new IllegalArgumentException("frameSpacing must be >= 1, got " + frameSpacing);
        }
        phases.ifPresent(p -> {
            if (p.labels().length != frames.size(0)
                    || (p.labels().length > 0 && p.labels()[0].length != frames.size(1))) {
                throw new IllegalArgumentException("phase labels must be [R][T] = [" + frames.size(0) + "]["
                        + frames.size(1) + "]");
            }
        });
        channelNames = List.copyOf(channelNames);
    }

    /** R, the number of trajectories. */
    public int trajectories() {
        return (int) frames.size(0);
    }

    /** T, the number of frames per trajectory. */
    public int length() {
        return (int) frames.size(1);
    }

    /** C_obs, the number of observable channels. */
    public int channels() {
        return (int) frames.size(2);
    }

    /** S, the lattice side. */
    public int size() {
        return (int) frames.size(3);
    }

    /** Frame t of trajectory r as a view {@code [C_obs, S, S]}. */
    public INDArray frame(int r, int t) {
        return frames.get(org.nd4j.linalg.indexing.NDArrayIndex.point(r),
                org.nd4j.linalg.indexing.NDArrayIndex.point(t));
    }
}
