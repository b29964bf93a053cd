package dev.nca.runtime.evaluate;

import dev.nca.api.Trajectories;
import dev.nca.render.FrameRenderer;
import dev.nca.render.GifWriter;
import dev.nca.render.Images;
import dev.nca.render.Montage;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes the pictures of a simulation into a folder as the states arrive:
 * <ul>
 *   <li>{@code frames/step-NNNNNN.png}: every recorded state, observable channels then hidden-channel
 *       triplets as RGB;</li>
 *   <li>{@code strip.png}: up to {@value #STRIP_FRAMES} evenly spaced recorded states in one row,
 *       labelled with their step;</li>
 *   <li>{@code simulation.gif}: every recorded state, with a step counter.</li>
 * </ul>
 * Use in try-with-resources and call {@link #finish()} after the last frame; closing without finishing
 * discards the GIF. Not thread-safe.
 */
public final class SimulationWriter implements Simulator.FrameSink, AutoCloseable {

    /** The most frames the strip shows. */
    public static final int STRIP_FRAMES = 8;
    private static final int GIF_DELAY_MILLIS = 120;

    /**
     * What a simulation wrote.
     *
     * @param frames     the folder of per-step PNGs
     * @param frameCount how many PNGs it holds
     * @param strip      the strip PNG
     * @param animation  the animated GIF
     */
    public record Output(Path frames, int frameCount, Path strip, Path animation) {
    }

    private final Path framesDir;
    private final Path strip;
    private final Path animation;
    private final FrameRenderer renderer;
    private final Set<Integer> stripSteps = new HashSet<>();
    private final List<BufferedImage> stripImages = new ArrayList<>();
    private final List<Long> stripLabels = new ArrayList<>();
    private final GifWriter.Sequence gif;
    private int written;

    /**
     * @param folder the output folder (created if needed)
     * @param data   the model's data, for channel count and value range of the pictures
     * @param steps  the steps that will be recorded, in order ({@link Simulator#recordedSteps})
     */
    public SimulationWriter(Path folder, Trajectories data, int[] steps) {
        Objects.requireNonNull(folder, "folder");
        this.framesDir = folder.resolve("frames");
        this.strip = folder.resolve("strip.png");
        this.animation = folder.resolve("simulation.gif");
        this.renderer = Renderers.forData(data, true);
        for (int i : Renderers.evenlySpaced(steps.length, STRIP_FRAMES)) {
            stripSteps.add(steps[i]);
        }
        this.gif = GifWriter.builder().delayMillis(GIF_DELAY_MILLIS).loop(true).build().open(animation);
    }

    /** Renders {@code state} ({@code [C, S, S]}) into its PNG and the GIF, and keeps it for the strip if chosen. */
    @Override
    public void accept(int step, INDArray state) {
        BufferedImage image = renderer.render(state);
        Images.writePng(image, frameFile(step));
        gif.append(image, "step " + step);
        if (stripSteps.contains(step)) {
            stripImages.add(image);
            stripLabels.add((long) step);
        }
        written++;
    }

    /** The PNG of one step: {@code frames/step-NNNNNN.png}. */
    public Path frameFile(int step) {
        return framesDir.resolve(String.format("step-%06d.png", step));
    }

    /**
     * Writes the strip and completes the GIF.
     *
     * @return the files written
     * @throws IllegalStateException when no frame was received
     */
    public Output finish() {
        if (written == 0) {
            throw new IllegalStateException("no frame was recorded");
        }
        Images.writePng(Montage.strip(stripImages, Montage.stepLabels(stripLabels.stream().mapToLong(Long::longValue)
                .toArray())), strip);
        gif.finish();
        return new Output(framesDir, written, strip, animation);
    }

    /** Releases the GIF writer; an unfinished GIF is discarded. */
    @Override
    public void close() {
        gif.close();
    }
}
