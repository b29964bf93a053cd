package dev.nca.support.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nca.api.NcaException;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngImagesTest {

    @TempDir
    Path dir;

    @Test
    void rgbaPixelsArePremultipliedByAlpha() {
        Path file = TestPngs.writeArgb(dir.resolve("two.png"), new int[][] {
                {TestPngs.argb(255, 255, 0, 0), TestPngs.argb(128, 255, 102, 0)},
                {TestPngs.argb(0, 0, 255, 0), TestPngs.argb(51, 10, 20, 30)}});
        PlanarImage img = PngImages.read(file);
        assertThat(img.channels()).isEqualTo(4);
        assertThat(img.height()).isEqualTo(2);
        assertThat(img.width()).isEqualTo(2);
        // opaque red
        assertThat(new double[] {img.get(0, 0, 0), img.get(1, 0, 0), img.get(2, 0, 0), img.get(3, 0, 0)})
                .containsExactly(new double[] {1, 0, 0, 1}, within(1e-15));
        // half-transparent orange: colour times 128/255
        double a = 128 / 255.0;
        assertThat(img.get(0, 0, 1)).isCloseTo(a, within(1e-15));
        assertThat(img.get(1, 0, 1)).isCloseTo(102 / 255.0 * a, within(1e-15));
        assertThat(img.get(2, 0, 1)).isCloseTo(0.0, within(1e-15));
        assertThat(img.get(3, 0, 1)).isCloseTo(a, within(1e-15));
        // fully transparent green is zero in every channel
        for (int c = 0; c < 4; c++) {
            assertThat(img.get(c, 1, 0)).isEqualTo(0.0);
        }
        assertThat(img.get(2, 1, 1)).isCloseTo(30 / 255.0 * 51 / 255.0, within(1e-15));
    }

    @Test
    void greyPicturesGiveEqualColourChannelsAndOpaqueAlpha() {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 51);
        grey.getRaster().setSample(1, 0, 0, 255);
        PlanarImage img = PngImages.read(TestPngs.write(grey, dir.resolve("grey.png")));
        for (int c = 0; c < 3; c++) {
            assertThat(img.get(c, 0, 0)).isCloseTo(0.2, within(1e-15));
            assertThat(img.get(c, 0, 1)).isCloseTo(1.0, within(1e-15));
        }
        assertThat(img.get(3, 0, 0)).isEqualTo(1.0);
    }

    @Test
    void sixteenBitSamplesAreScaledByTheirOwnDepth() {
        BufferedImage grey = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey.getRaster().setSample(0, 0, 0, 13107);
        PlanarImage img = PngImages.read(TestPngs.write(grey, dir.resolve("grey16.png")));
        assertThat(img.get(0, 0, 0)).isCloseTo(13107 / 65535.0, within(1e-15));
    }

    @Test
    void palettePicturesUseTheirPaletteAndTransparency() {
        byte[] r = {(byte) 255, 0};
        byte[] g = {0, 0};
        byte[] b = {0, (byte) 255};
        byte[] a = {(byte) 255, (byte) 102};
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 2, r, g, b, a));
        indexed.getRaster().setSample(0, 0, 0, 0);
        indexed.getRaster().setSample(1, 0, 0, 1);
        PlanarImage img = PngImages.read(TestPngs.write(indexed, dir.resolve("palette.png")));
        assertThat(img.get(0, 0, 0)).isCloseTo(1.0, within(1e-15));
        assertThat(img.get(2, 0, 1)).isCloseTo(0.4, within(1e-15));
        assertThat(img.get(3, 0, 1)).isCloseTo(0.4, within(1e-15));
        assertThat(img.get(0, 0, 1)).isEqualTo(0.0);
    }

    @Test
    void missingCorruptAndNonImageFilesAreNamed() throws IOException {
        Path missing = dir.resolve("nope.png");
        assertThatThrownBy(() -> PngImages.read(missing)).isInstanceOf(NcaException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");

        Path text = Files.writeString(dir.resolve("notes.png"), "this is not a picture");
        assertThatThrownBy(() -> PngImages.read(text)).isInstanceOf(NcaException.class)
                .hasMessageContaining(text.toString()).hasMessageContaining("not a PNG image");

        Path good = TestPngs.writeUniform(dir.resolve("good.png"), 16, TestPngs.argb(255, 1, 2, 3));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.png"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> PngImages.read(truncated)).isInstanceOf(NcaException.class)
                .hasMessageContaining(truncated.toString());
    }
}
