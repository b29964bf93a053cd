package dev.nca.render;

import dev.nca.api.NcaException;
import dev.nca.support.io.AtomicWrite;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;

/** Writing pictures to disk. */
public final class Images {

    private Images() {
    }

    /**
     * Writes {@code image} as a PNG, atomically: the bytes go to a temporary file in the target's
     * directory (created if missing), which is then renamed onto {@code path}
     * ({@code ATOMIC_MOVE}, or a plain replacing move where the file system cannot do that).
     * An existing file is replaced; on failure no temporary file is left behind and any existing
     * file is untouched.
     *
     * @throws NcaException naming the path and the reason if the file cannot be written
     */
    public static void writePng(BufferedImage image, Path path) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(path, "path");
        try (AtomicWrite write = AtomicWrite.begin(path)) {
            ImageWriter writer = writerFor("png");
            try (ImageOutputStream out = new FileImageOutputStream(write.temp().toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), null);
            } finally {
                writer.dispose();
            }
            write.commit();
        } catch (IOException e) {
            throw new NcaException("Could not write PNG image " + path + " (" + describe(e) + ").", e);
        }
    }

    /** A one-line reason for an I/O failure: the exception type and its message. */
    static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** The first ImageIO writer for a format the JDK always ships (png, gif). */
    static ImageWriter writerFor(String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JDK has no ImageIO writer for " + format);
        }
        return writers.next();
    }
}
