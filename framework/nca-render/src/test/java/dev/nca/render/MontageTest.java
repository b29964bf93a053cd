package dev.nca.render;

import static dev.nca.render.GifWriterTest.solid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class MontageTest {

    /** Bounding box {minX, minY, maxX, maxY} and count of pixels exactly {@code rgb}. */
    private static int[] find(BufferedImage img, int rgb) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, 0};
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                    box[4]++;
                }
            }
        }
        return box;
    }

    @Test
    void stripPlacesFramesLeftToRightWithLabelsAbove() {
        BufferedImage strip = Montage.strip(
                List.of(solid(20, 20, 0xFF0000), solid(20, 20, 0x00FF00), solid(20, 20, 0x0000FF)),
                Montage.stepLabels(0, 10, 20));
        int[] red = find(strip, 0xFF0000);
        int[] green = find(strip, 0x00FF00);
        int[] blue = find(strip, 0x0000FF);
        assertThat(red[4]).isEqualTo(400);
        assertThat(green[4]).isEqualTo(400);
        assertThat(blue[4]).isEqualTo(400);
        assertThat(red[2]).isLessThan(green[0]);
        assertThat(green[2]).isLessThan(blue[0]);
        assertThat(red[1]).isEqualTo(green[1]).isEqualTo(blue[1]);
        // label text is dark and sits above the frames
        int[] text = darkBox(strip);
        assertThat(text[4]).isGreaterThan(20);
        assertThat(text[3]).isLessThan(red[1]);
    }

    @Test
    void comparisonPutsModelAboveTruthWithRowLabelsOnTheLeft() {
        List<BufferedImage> model = List.of(solid(16, 16, 0xFF0000), solid(16, 16, 0xFF0000));
        List<BufferedImage> truth = List.of(solid(16, 16, 0x0000FF), solid(16, 16, 0x0000FF));
        BufferedImage img = Montage.comparison(model, truth, Montage.stepLabels(0, 64));
        int[] red = find(img, 0xFF0000);
        int[] blue = find(img, 0x0000FF);
        assertThat(red[4]).isEqualTo(2 * 256);
        assertThat(blue[4]).isEqualTo(2 * 256);
        assertThat(red[3]).isLessThan(blue[1]);
        // "NCA" / "truth" labels: dark pixels left of the first frame column
        int leftText = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < red[0]; x++) {
                leftText += isDark(img.getRGB(x, y)) ? 1 : 0;
            }
        }
        assertThat(leftText).isGreaterThan(20);
    }

    @Test
    void unequalSizesAreCentredInTheirCells() {
        BufferedImage img = Montage.builder().padding(0)
                .row("", List.of(solid(10, 10, 0xFF0000), solid(4, 4, 0x00FF00)))
                .row("", List.of(solid(6, 6, 0x0000FF), solid(10, 10, 0xFFFF00)))
                .build().render();
        assertThat(img.getWidth()).isEqualTo(20);
        assertThat(img.getHeight()).isEqualTo(20);
        int[] green = find(img, 0x00FF00);
        assertThat(new int[] {green[0], green[1]}).containsExactly(13, 3);
        int[] blue = find(img, 0x0000FF);
        assertThat(new int[] {blue[0], blue[1]}).containsExactly(2, 12);
    }

    @Test
    void rejectsInconsistentInput() {
        assertThatThrownBy(() -> Montage.comparison(List.of(solid(2, 2, 0)), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as many");
        assertThatThrownBy(() -> Montage.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one row");
        assertThatThrownBy(() -> Montage.strip(List.of(solid(2, 2, 0)), List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 column labels for 1");
    }

    private static boolean isDark(int argb) {
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return r < 128 && g < 128 && b < 128;
    }

    private static int[] darkBox(BufferedImage img) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, 0};
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y) & 0xFFFFFF;
                if (isDark(p) && p != 0x0000FF) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                    box[4]++;
                }
            }
        }
        return box;
    }
}
