package dev.nca.runtime.experiment;

import dev.nca.api.Trajectories;
import dev.nca.core.engine.NcaEngine;
import dev.nca.core.model.NcaParameters;
import dev.nca.render.FrameRenderer;
import dev.nca.render.Montage;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Pictures of a model against data: the NCA rolled from a trajectory's first frame next to the
 * observed frames ("NCA" row over "truth" row), and an animated GIF of the rollout.
 */
public final class Snapshots {

    private static final int MAX_COLUMNS = 8;

    private final NcaEngine engine;
    private final Trajectories data;
    private final int frameSpacing;
    private final FrameRenderer renderer;
    private final PictureWriter pictures;

    /**
     * @param engine       rolls the model (its lattice size is the data's)
     * @param data         the trajectories the model is compared with
     * @param frameSpacing NCA steps between data frames
     * @param pictures     where the PNG and GIF files go
     */
    public Snapshots(NcaEngine engine, Trajectories data, int frameSpacing, PictureWriter pictures) {
        this.engine = engine;
        this.data = data;
        this.frameSpacing = frameSpacing;
        this.pictures = Objects.requireNonNull(pictures, "pictures");
        int scale = Math.max(1, 128 / data.size());
        this.renderer = FrameRenderer.builder().observableChannels(data.channels())
                .range(data.valueMin(), data.valueMax()).scale(scale).build();
    }

    /**
     * The NCA's states at every frame time of trajectory {@code r}, starting from its first frame:
     * {@code [T, C, S, S]} full states (frame 0 is the start state).
     */
    public INDArray rollout(NcaParameters params, int r, int frames, long seed) {
        INDArray observed = data.frames().get(NDArrayIndex.point(r), NDArrayIndex.point(0)).dup('c');
        int c = engine.config().channels();
        int s = data.size();
        INDArray start = org.nd4j.linalg.factory.Nd4j.zeros(params.dataType(), 1, c, s, s);
        start.get(NDArrayIndex.all(), NDArrayIndex.interval(0, data.channels())).assign(observed.reshape(1,
                data.channels(), s, s));
        int[] record = new int[frames - 1];
        for (int i = 1; i < frames; i++) {
            record[i - 1] = i * frameSpacing;
        }
        INDArray out = org.nd4j.linalg.factory.Nd4j.create(params.dataType(), frames, c, s, s);
        out.get(NDArrayIndex.point(0)).assign(start.get(NDArrayIndex.point(0)));
        if (frames == 1) {
            return out; // a single-frame dataset: nothing to roll
        }
        var roll = engine.rollout(params, start, (frames - 1) * frameSpacing, record, new SplittableRandom(seed), false);
        for (int i = 1; i < frames; i++) {
            out.get(NDArrayIndex.point(i)).assign(roll.states().get(i * frameSpacing).get(NDArrayIndex.point(0)));
        }
        return out;
    }

    /** Writes the NCA-over-truth comparison of trajectory 0 as a PNG. */
    public void writeComparison(NcaParameters params, Path png, long seed) {
        writeComparison(rollout(params, 0, data.length(), seed), png);
    }

    /**
     * Writes the comparison for a rollout of trajectory 0 already made with {@link #rollout}
     * ({@code [T, C, S, S]}, T = {@link #frames()}).
     */
    public void writeComparison(INDArray model, Path png) {
        int frames = data.length();
        List<BufferedImage> top = new ArrayList<>();
        List<BufferedImage> bottom = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        for (int i : columns(frames)) {
            top.add(renderer.render(model.get(NDArrayIndex.point(i),
                    NDArrayIndex.interval(0, data.channels())).dup('c')));
            bottom.add(renderer.render(data.frame(0, i).dup('c')));
            steps.add((long) i * frameSpacing);
        }
        pictures.png(Montage.comparison(top, bottom, Montage.stepLabels(steps.stream().mapToLong(Long::longValue)
                .toArray())), png);
    }

    /** Writes an animated GIF of the NCA from trajectory 0's first frame, with hidden channels. */
    public void writeAnimation(NcaParameters params, Path gif, int frames, long seed) {
        writeAnimation(rollout(params, 0, frames, seed), gif);
    }

    /** Writes the animation of a rollout already made with {@link #rollout} ({@code [T, C, S, S]}). */
    public void writeAnimation(INDArray model, Path gif) {
        int frames = (int) model.size(0);
        FrameRenderer withHidden = FrameRenderer.builder().observableChannels(data.channels())
                .range(data.valueMin(), data.valueMax()).scale(Math.max(1, 128 / data.size())).showHidden(true).build();
        List<BufferedImage> images = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            images.add(withHidden.render(model.get(NDArrayIndex.point(i)).dup('c')));
            labels.add("step " + (long) i * frameSpacing);
        }
        pictures.animation(images, labels, gif);
    }

    /** T, frames per data trajectory. */
    public int frames() {
        return data.length();
    }

    private static List<Integer> columns(int frames) {
        List<Integer> out = new ArrayList<>();
        int n = Math.min(MAX_COLUMNS, frames);
        for (int i = 0; i < n; i++) {
            int idx = (int) Math.round(i * (frames - 1) / (double) Math.max(1, n - 1));
            if (out.isEmpty() || out.get(out.size() - 1) != idx) {
                out.add(idx);
            }
        }
        return out;
    }
}
