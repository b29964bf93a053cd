package dev.nca.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossPlotTest {

    private static final int SERIES_BLUE = 0x2A6FDB;

    @TempDir
    Path dir;

    private static double[] decay(int n, double from, double to) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = from * Math.pow(to / from, i / (double) (n - 1));
        }
        return y;
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void writesANonEmptyPngOfTheRequestedSize() throws IOException {
        BufferedImage img = LossPlot.builder().title("loss").size(500, 300)
                .series("train", decay(200, 1, 1e-3)).horizontalLine("do-nothing", 0.5).build().render();
        Path png = dir.resolve("loss.png");
        Images.writePng(img, png);
        BufferedImage back = ImageIO.read(png.toFile());
        assertThat(back.getWidth()).isEqualTo(500);
        assertThat(back.getHeight()).isEqualTo(300);
        assertThat(Files.size(png)).isGreaterThan(1000);
        assertThat(count(back, SERIES_BLUE)).isGreaterThan(100);
        assertThat(count(back, 0xFFFFFF)).isLessThan(500 * 300);
    }

    @Test
    void logScaleOnlyWhenPositiveValuesSpanMoreThanTwoDecades() {
        assertThat(LossPlot.builder().series("a", decay(10, 1, 1e-3)).build().logarithmicY()).isTrue();
        assertThat(LossPlot.builder().series("a", decay(10, 1, 0.02)).build().logarithmicY()).isFalse();
        assertThat(LossPlot.builder().series("a", new double[] {1, 1e-4, -1}).build().logarithmicY()).isFalse();
        assertThat(LossPlot.builder().series("a", decay(10, 1, 0.02)).yScale(LossPlot.YScale.LOG).build()
                .logarithmicY()).isTrue();
        assertThat(LossPlot.builder().series("a", decay(10, 1, 1e-3)).yScale(LossPlot.YScale.LINEAR).build()
                .logarithmicY()).isFalse();
        // the baseline counts: a series within one decade plus a baseline far below it
        assertThat(LossPlot.builder().series("a", decay(10, 1, 0.5)).horizontalLine("b", 1e-4).build()
                .logarithmicY()).isTrue();
    }

    @Test
    void nonFinitePointsAreSkippedNotFatal() {
        double[] y = decay(100, 1, 1e-3);
        y[10] = Double.NaN;
        y[50] = Double.POSITIVE_INFINITY;
        BufferedImage img = LossPlot.builder().series("train", y).build().render();
        assertThat(count(img, SERIES_BLUE)).isGreaterThan(100);
    }

    @Test
    void emptyAndAllNaNSeriesGiveAPictureWithAxes() {
        BufferedImage empty = LossPlot.builder().series("train", new double[0]).build().render();
        BufferedImage nan = LossPlot.builder().series("train", new double[] {Double.NaN, Double.NaN}).build().render();
        BufferedImage none = LossPlot.builder().build().render();
        for (BufferedImage img : new BufferedImage[] {empty, nan, none}) {
            assertThat(img.getWidth()).isEqualTo(640);
            assertThat(count(img, 0xFFFFFF)).isLessThan(640 * 400 - 1000);   // axes, ticks, message
            assertThat(count(img, SERIES_BLUE)).isLessThan(120);              // legend sample only
        }
    }

    @Test
    void onePointIsDrawnAsADot() {
        BufferedImage img = LossPlot.builder().series("", new double[] {0.42}).build().render();
        assertThat(count(img, SERIES_BLUE)).isBetween(4, 60);
    }

    @Test
    void referenceLineIsDashedAcrossThePlot() {
        BufferedImage img = LossPlot.builder().series("", new double[] {0, 1}).horizontalLine("", 0.5)
                .yScale(LossPlot.YScale.LINEAR).build().render();
        int row = -1;
        int best = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            int n = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == 0x555555 ? 1 : 0;
            }
            if (n > best) {
                best = n;
                row = y;
            }
        }
        assertThat(best).as("dashes cover a good part of the width").isGreaterThan(200);
        assertThat(best).as("but with gaps").isLessThan(500);
        assertThat(row).isBetween(100, 300);
    }

    @Test
    void programmingErrorsAreRejected() {
        assertThatThrownBy(() -> LossPlot.builder().series("a", new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 x values but 3 y values");
        assertThatThrownBy(() -> LossPlot.builder().horizontalLine("baseline", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline");
        assertThatThrownBy(() -> LossPlot.builder().size(100, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100x100");
    }
}
