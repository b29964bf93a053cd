package dev.nca.runtime.experiment;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the pictures of a training run go: the loss plot, the NCA-versus-data snapshots and the
 * animation. Bound by {@link dev.nca.runtime.inject.RunModule} to {@link PictureFiles}; a test or an
 * embedding application can bind its own (e.g. to keep the pictures in memory or skip them).
 */
public interface PictureWriter {

    /** Writes {@code image} as the PNG file {@code file} (atomically, replacing it). */
    void png(BufferedImage image, Path file);

    /**
     * Writes an animated GIF, one frame per image, each labelled (atomically, replacing it).
     *
     * @param frames the frames, all the same size
     * @param labels one label per frame, e.g. {@code "step 16"}
     */
    void animation(List<BufferedImage> frames, List<String> labels, Path file);
}
