package dev.nca.runtime.experiment;

import dev.nca.render.GifWriter;
import dev.nca.render.Images;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/** The {@link PictureWriter} of the framework: PNG and looping GIF files (120 ms a frame). */
public final class PictureFiles implements PictureWriter {

    private static final int GIF_DELAY_MILLIS = 120;

    private final GifWriter gif = GifWriter.builder().delayMillis(GIF_DELAY_MILLIS).loop(true).build();

    @Override
    public void png(BufferedImage image, Path file) {
        Images.writePng(image, file);
    }

    @Override
    public void animation(List<BufferedImage> frames, List<String> labels, Path file) {
        gif.write(frames, labels, file);
    }
}
