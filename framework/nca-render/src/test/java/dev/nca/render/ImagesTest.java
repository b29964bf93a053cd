package dev.nca.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nca.api.NcaException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest {

    @TempDir
    Path dir;

    @Test
    void writesPngThatReadsBackPixelExact() throws IOException {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0x123456);
        img.setRGB(2, 1, 0xFEDCBA);
        Path png = dir.resolve("nested/deeper/frame.png");
        Images.writePng(img, png);
        BufferedImage back = ImageIO.read(png.toFile());
        assertThat(back.getWidth()).isEqualTo(3);
        assertThat(back.getHeight()).isEqualTo(2);
        assertThat(back.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x123456);
        assertThat(back.getRGB(2, 1) & 0xFFFFFF).isEqualTo(0xFEDCBA);
        assertThat(back.getRGB(1, 0) & 0xFFFFFF).isZero();
        assertThat(list(png.getParent())).containsExactly("frame.png");
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path png = dir.resolve("loss.png");
        Files.writeString(png, "old content");
        Images.writePng(new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB), png);
        Images.writePng(new BufferedImage(7, 4, BufferedImage.TYPE_INT_RGB), png);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(7);
        assertThat(list(dir)).containsExactly("loss.png");
    }

    @Test
    void failureNamesThePathAndCleansUp() throws IOException {
        Path target = dir.resolve("occupied.png");
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> Images.writePng(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), target))
                .isInstanceOf(NcaException.class)
                .hasMessageContaining("Could not write PNG image")
                .hasMessageContaining(target.toString());
        assertThat(list(dir)).containsExactly("occupied.png");
        assertThat(target.resolve("keep.txt")).hasContent("x");
    }

    private static java.util.List<String> list(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
