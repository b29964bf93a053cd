package dev.nca.plugins.dataset.image.sequence;

import dev.nca.api.NcaException;
import dev.nca.support.image.PlanarImage;
import dev.nca.support.image.PngImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a folder of PNG frames as one trajectory {@code [1, T, C, S, S]}: every regular file whose
 * name ends in {@code .png} (any case) is a frame, in {@link NaturalOrder} of the file names;
 * other files and sub-folders are ignored. All frames must be square and of the same size.
 */
final class PngFolder {

    private PngFolder() {
    }

    /** The frame files of a folder in natural order (possibly empty). */
    static List<Path> frameFiles(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .sorted((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(),
                            b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new NcaException("could not list the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the frames.
     *
     * @param maxValues the largest T * C * S * S allowed
     * @throws NcaException naming the folder or file: no PNG files, a file that is not a readable
     *                      PNG, a non-square frame, frames of different sizes, too much data
     */
    static FrameStack load(Path folder, PixelFormat format, long maxValues) {
        List<Path> files = frameFiles(folder);
        if (files.isEmpty()) {
            throw new NcaException("the folder " + folder + " contains no .png files; put the frames there as PNG"
                    + " files named so that their natural order is the time order (frame1.png, frame2.png, ...)");
        }
        int channels = format.channelNames().size();
        PlanarImage first = null;
        Path firstFile = null;
        double[] values = null;
        int frameLength = 0;
        for (int t = 0; t < files.size(); t++) {
            Path file = files.get(t);
            PlanarImage picture = PngImages.read(file);
            if (picture.width() != picture.height()) {
                throw new NcaException("frame " + file + " is " + picture.width() + " pixels wide and "
                        + picture.height() + " high; frames must be square (crop or pad them)");
            }
            if (first == null) {
                first = picture;
                firstFile = file;
                frameLength = channels * picture.height() * picture.width();
                long total = (long) files.size() * frameLength;
                if (total > maxValues) {
                    throw new NcaException("the folder " + folder + " holds " + files.size() + " frames of "
                            + picture.sizeText() + " pixels x " + channels + " channels = " + total + " values; at most "
                            + maxValues + " are supported (use image_size to shrink them)");
                }
                values = new double[(int) total];
            } else if (picture.height() != first.height()) {
                throw new NcaException("frame " + file + " is " + picture.sizeText() + " pixels but " + firstFile
                        + " (the first frame) is " + first.sizeText() + "; all frames must have the same size");
            }
            System.arraycopy(format.extract(picture).values(), 0, values, t * frameLength, frameLength);
        }
        return new FrameStack(values, 1, files.size(), channels, first.height(), format.channelNames(),
                folder.toString(), true);
    }
}
