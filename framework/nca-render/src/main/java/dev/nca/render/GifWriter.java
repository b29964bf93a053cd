package dev.nca.render;

import dev.nca.api.NcaException;
import dev.nca.support.io.AtomicWrite;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes animated GIFs with the JDK's ImageIO GIF writer.
 *
 * <p>Every frame shows for the same delay. GIF stores delays in hundredths of a second, so the
 * delay is rounded to the nearest 10 ms (minimum 10 ms). Looping uses the NETSCAPE2.0 application
 * extension ({@code loopCount = 0} means forever); with looping off the extension is omitted and
 * viewers play the animation once. Each frame is reduced to its own 256-colour palette by ImageIO.
 * All frames must have the size of the first. An optional label (e.g. {@code "step 128"}) is drawn
 * in a dark box in the top-left corner of a copy of the frame. Files are written atomically (see
 * {@link Images#writePng}). A GifWriter is immutable and thread-safe; a {@link Sequence} is not.
 */
public final class GifWriter {

    private static final String GIF_IMAGE_FORMAT = "javax_imageio_gif_image_1.0";

    private final int delayCentis;
    private final boolean loop;
    private final int loopCount;

    private GifWriter(Builder b) {
        this.delayCentis = Math.max(1, Math.round(b.delayMillis / 10f));
        this.loop = b.loop;
        this.loopCount = b.loopCount;
    }

    /** Defaults: 100 ms per frame, looping forever. */
    public static Builder builder() {
        return new Builder();
    }

    /** The frame delay written to the file, in hundredths of a second. */
    public int delayCentiseconds() {
        return delayCentis;
    }

    /** Writes {@code frames} without labels. */
    public void write(List<BufferedImage> frames, Path path) {
        write(frames, List.of(), path);
    }

    /**
     * Writes an animation.
     *
     * @param frames at least one frame, all of one size
     * @param labels one overlay label per frame, or an empty list for none
     * @param path   target file, replaced atomically
     * @throws NcaException naming the path if it cannot be written
     */
    public void write(List<BufferedImage> frames, List<String> labels, Path path) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animated GIF needs at least one frame");
        }
        if (!labels.isEmpty() && labels.size() != frames.size()) {
            throw new IllegalArgumentException("need one label per frame: " + labels.size() + " labels for "
                    + frames.size() + " frames");
        }
        try (Sequence seq = open(path)) {
            for (int i = 0; i < frames.size(); i++) {
                seq.append(frames.get(i), labels.isEmpty() ? null : labels.get(i));
            }
            seq.finish();
        }
    }

    /**
     * Starts a GIF written frame by frame (for long runs that should not be held in memory). Call
     * {@link Sequence#finish()} to complete and publish the file; closing an unfinished sequence
     * discards it.
     */
    public Sequence open(Path path) {
        Objects.requireNonNull(path, "path");
        try {
            return new Sequence(path);
        } catch (IOException e) {
            throw new NcaException("Could not start GIF " + path + " (" + Images.describe(e) + ").", e);
        }
    }

    /** A GIF being written; see {@link GifWriter#open(Path)}. */
    public final class Sequence implements AutoCloseable {
        private final Path path;
        private final AtomicWrite file;
        private final ImageOutputStream out;
        private final ImageWriter writer;
        private int frames;
        private int width;
        private int height;
        private boolean closed;

        private Sequence(Path path) throws IOException {
            this.path = path;
            this.file = AtomicWrite.begin(path);
            ImageOutputStream o = null;
            ImageWriter w = null;
            try {
                o = new FileImageOutputStream(file.temp().toFile());
                w = Images.writerFor("gif");
                w.setOutput(o);
                w.prepareWriteSequence(null);
            } catch (IOException | RuntimeException e) {
                if (w != null) {
                    w.dispose();
                }
                try {
                    if (o != null) {
                        o.close();
                    }
                    file.close();
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            this.out = o;
            this.writer = w;
        }

        /** Appends a frame without a label. */
        public void append(BufferedImage frame) {
            append(frame, null);
        }

        /**
         * Appends a frame.
         *
         * @param frame the picture, the same size as the first frame; not modified
         * @param label text drawn in the top-left corner, or {@code null} for none
         */
        public void append(BufferedImage frame, String label) {
            Objects.requireNonNull(frame, "frame");
            if (closed) {
                throw new IllegalStateException("GIF sequence for " + path + " is already finished or closed");
            }
            if (frames == 0) {
                width = frame.getWidth();
                height = frame.getHeight();
            } else if (frame.getWidth() != width || frame.getHeight() != height) {
                throw new IllegalArgumentException("GIF frame " + frames + " is " + frame.getWidth() + "x"
                        + frame.getHeight() + " but the first frame is " + width + "x" + height);
            }
            BufferedImage rgb = withLabel(frame, label);
            try {
                IIOMetadata meta = frameMetadata(writer, rgb, frames == 0);
                writer.writeToSequence(new IIOImage(rgb, null, meta), null);
            } catch (IOException e) {
                throw new NcaException("Could not write frame " + frames + " of GIF " + path + " ("
                        + Images.describe(e) + ").", e);
            }
            frames++;
        }

        /** Number of frames appended so far. */
        public int frameCount() {
            return frames;
        }

        /** Completes the file and renames it onto the target path. */
        public void finish() {
            if (frames == 0) {
                throw new IllegalStateException("an animated GIF needs at least one frame");
            }
            try {
                writer.endWriteSequence();
                release();
                file.commit();
            } catch (IOException e) {
                throw new NcaException("Could not finish GIF " + path + " (" + Images.describe(e) + ").", e);
            } finally {
                close();
            }
        }

        /** Releases the writer; if {@link #finish()} was not reached, deletes the partial file. */
        @Override
        public void close() {
            try {
                release();
                file.close();
            } catch (IOException e) {
                throw new NcaException("Could not clean up temporary GIF " + file.temp() + " ("
                        + Images.describe(e) + ").", e);
            }
        }

        private void release() throws IOException {
            if (!closed) {
                closed = true;
                writer.dispose();
                out.close();
            }
        }
    }

    private IIOMetadata frameMetadata(ImageWriter writer, BufferedImage img, boolean first)
            throws IIOInvalidTreeException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(GIF_IMAGE_FORMAT);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("transparentColorIndex", "0");
        gce.setAttribute("delayTime", Integer.toString(delayCentis));
        if (first && loop) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, (byte) (loopCount & 0xFF), (byte) ((loopCount >> 8) & 0xFF)});
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(GIF_IMAGE_FORMAT, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }

    /** An RGB copy of {@code frame}, with {@code label} drawn on it when not null or empty. */
    static BufferedImage withLabel(BufferedImage frame, String label) {
        BufferedImage out = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(frame, 0, 0, null);
            if (label != null && !label.isEmpty()) {
                TextPainter text = new TextPainter(Math.max(9, Math.min(16, frame.getHeight() / 12f)));
                int pad = 3;
                int w = text.width(g, label) + 2 * pad;
                int h = text.lineHeight(g) + 2 * pad;
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.65f));
                g.setColor(Color.BLACK);
                g.fillRoundRect(2, 2, w, h, 6, 6);
                g.setComposite(AlphaComposite.SrcOver);
                text.draw(g, label, 2 + pad, 2 + pad + text.ascent(g), Color.WHITE);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Configures a {@link GifWriter}. */
    public static final class Builder {
        private int delayMillis = 100;
        private boolean loop = true;
        private int loopCount;

        private Builder() {
        }

        /** Time each frame is shown, 10..655350 ms (stored in hundredths of a second). */
        public Builder delayMillis(int millis) {
            if (millis < 10 || millis > 655_350) {
                throw new IllegalArgumentException("GIF frame delay must be in 10..655350 ms, got " + millis);
            }
            this.delayMillis = millis;
            return this;
        }

        /** Loop forever (true, the default) or play once (false). */
        public Builder loop(boolean loop) {
            this.loop = loop;
            this.loopCount = 0;
            return this;
        }

        /** Play {@code count} extra repetitions (0 = forever), 0..65535. */
        public Builder loopCount(int count) {
            if (count < 0 || count > 65_535) {
                throw new IllegalArgumentException("GIF loop count must be in 0..65535, got " + count);
            }
            this.loop = true;
            this.loopCount = count;
            return this;
        }

        public GifWriter build() {
            return new GifWriter(this);
        }
    }
}
