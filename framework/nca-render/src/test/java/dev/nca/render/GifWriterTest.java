package dev.nca.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifWriterTest {

    @TempDir
    Path dir;

    static BufferedImage solid(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    static List<BufferedImage> readFrames(Path gif) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                int n = reader.getNumImages(true);
                for (int i = 0; i < n; i++) {
                    out.add(reader.read(i));
                }
            } finally {
                reader.dispose();
            }
        }
        return out;
    }

    /** The native metadata tree of frame {@code index}. */
    static IIOMetadataNode metadata(Path gif, int index) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                return (IIOMetadataNode) reader.getImageMetadata(index).getAsTree("javax_imageio_gif_image_1.0");
            } finally {
                reader.dispose();
            }
        }
    }

    static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        return null;
    }

    @Test
    void writesAllFramesWithSizeColoursDelayAndLoop() throws IOException {
        int[] colours = {0xFF0000, 0x00FF00, 0x0000FF, 0x808080, 0xFFFFFF};
        List<BufferedImage> frames = new ArrayList<>();
        for (int c : colours) {
            frames.add(solid(32, 24, c));
        }
        Path gif = dir.resolve("run.gif");
        GifWriter.builder().delayMillis(50).build().write(frames, gif);

        List<BufferedImage> back = readFrames(gif);
        assertThat(back).hasSize(5);
        for (int i = 0; i < back.size(); i++) {
            assertThat(back.get(i).getWidth()).isEqualTo(32);
            assertThat(back.get(i).getHeight()).isEqualTo(24);
            assertThat(back.get(i).getRGB(5, 5) & 0xFFFFFF).isEqualTo(colours[i]);
        }
        IIOMetadataNode first = metadata(gif, 0);
        assertThat(child(first, "GraphicControlExtension").getAttribute("delayTime")).isEqualTo("5");
        IIOMetadataNode app = (IIOMetadataNode) child(first, "ApplicationExtensions").getFirstChild();
        assertThat(app.getAttribute("applicationID")).isEqualTo("NETSCAPE");
        assertThat(app.getAttribute("authenticationCode")).isEqualTo("2.0");
        assertThat((byte[]) app.getUserObject()).containsExactly(1, 0, 0);
        assertThat(child(metadata(gif, 3), "GraphicControlExtension").getAttribute("delayTime")).isEqualTo("5");
    }

    @Test
    void loopCountAndPlayOnce() throws IOException {
        List<BufferedImage> frames = List.of(solid(8, 8, 0), solid(8, 8, 0xFFFFFF));
        Path counted = dir.resolve("three.gif");
        GifWriter.builder().loopCount(300).build().write(frames, counted);
        IIOMetadataNode app = (IIOMetadataNode) child(metadata(counted, 0), "ApplicationExtensions").getFirstChild();
        assertThat((byte[]) app.getUserObject()).containsExactly(1, 300 & 0xFF, 300 >> 8);

        Path once = dir.resolve("once.gif");
        GifWriter.builder().loop(false).build().write(frames, once);
        assertThat(child(metadata(once, 0), "ApplicationExtensions")).isNull();
        assertThat(readFrames(once)).hasSize(2);
    }

    @Test
    void delayIsRoundedToCentiseconds() {
        assertThat(GifWriter.builder().delayMillis(10).build().delayCentiseconds()).isEqualTo(1);
        assertThat(GifWriter.builder().delayMillis(125).build().delayCentiseconds()).isEqualTo(13);
        assertThatThrownBy(() -> GifWriter.builder().delayMillis(5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labelIsDrawnInTheTopLeftCornerOnly() throws IOException {
        Path gif = dir.resolve("labelled.gif");
        BufferedImage white = solid(96, 64, 0xFFFFFF);
        GifWriter.builder().build().write(List.of(white, white), List.of("step 128", ""), gif);
        List<BufferedImage> back = readFrames(gif);
        assertThat(countNonWhite(back.get(0), 0, 0, 48, 24)).isGreaterThan(50);
        assertThat(countNonWhite(back.get(0), 0, 32, 96, 64)).isZero();
        assertThat(countNonWhite(back.get(1), 0, 0, 96, 64)).isZero();
        assertThat(countNonWhite(white, 0, 0, 96, 64)).as("input frame untouched").isZero();
    }

    @Test
    void streamingSequenceWritesFramesAsTheyCome() throws IOException {
        Path gif = dir.resolve("stream.gif");
        GifWriter writer = GifWriter.builder().build();
        try (GifWriter.Sequence seq = writer.open(gif)) {
            for (int i = 0; i < 4; i++) {
                seq.append(solid(10, 10, i * 0x404040), "step " + i);
            }
            assertThat(seq.frameCount()).isEqualTo(4);
            assertThat(gif).doesNotExist();
            seq.finish();
        }
        assertThat(readFrames(gif)).hasSize(4);
        assertThat(listDir()).containsExactly("stream.gif");
    }

    @Test
    void failedWriteLeavesNeitherTargetNorTemporaryFile() throws IOException {
        Path gif = dir.resolve("bad.gif");
        List<BufferedImage> frames = List.of(solid(10, 10, 0), solid(11, 10, 0));
        assertThatThrownBy(() -> GifWriter.builder().build().write(frames, gif))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11x10");
        assertThat(listDir()).isEmpty();

        try (GifWriter.Sequence seq = GifWriter.builder().build().open(gif)) {
            seq.append(solid(10, 10, 0));
        }
        assertThat(listDir()).as("closing an unfinished sequence discards it").isEmpty();
        assertThatThrownBy(() -> GifWriter.builder().build().write(List.of(), gif))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one frame");
        assertThatThrownBy(() -> GifWriter.builder().build().write(frames, List.of("a"), gif))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one label per frame");
    }

    private List<String> listDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static int countNonWhite(BufferedImage img, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF ? 0 : 1;
            }
        }
        return n;
    }
}
