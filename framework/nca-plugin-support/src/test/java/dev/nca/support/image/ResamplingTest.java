package dev.nca.support.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResamplingTest {

    @TempDir
    Path dir;

    private static PlanarImage image(double[][] rows) {
        PlanarImage img = new PlanarImage(1, rows.length, rows[0].length);
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[0].length; x++) {
                img.set(0, y, x, rows[y][x]);
            }
        }
        return img;
    }

    private static void assertPixels(PlanarImage actual, double[][] expected) {
        assertThat(actual.height()).isEqualTo(expected.length);
        assertThat(actual.width()).isEqualTo(expected[0].length);
        for (int y = 0; y < expected.length; y++) {
            for (int x = 0; x < expected[0].length; x++) {
                assertThat(actual.get(0, y, x)).as("pixel (%d, %d)", y, x).isCloseTo(expected[y][x], within(1e-12));
            }
        }
    }

    @Test
    void bilinearEnlargesTwoByTwoToFourByFour() {
        // centres of the 4 outputs sit at input coordinates -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1),
        // so the 1-D weights are (1, 0), (3/4, 1/4), (1/4, 3/4), (0, 1) along each axis
        PlanarImage out = Resampling.BILINEAR.resize(image(new double[][] {{0, 4}, {8, 12}}), 4, 4);
        assertPixels(out, new double[][] {
                {0, 1, 3, 4},
                {2, 3, 5, 6},
                {6, 7, 9, 10},
                {8, 9, 11, 12}});
    }

    @Test
    void areaShrinksFourByFourToBlockMeans() {
        PlanarImage in = image(new double[][] {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}, {12, 13, 14, 15}});
        assertPixels(Resampling.AREA.resize(in, 2, 2), new double[][] {{2.5, 4.5}, {10.5, 12.5}});
    }

    @Test
    void areaWeighsPartlyCoveredPixelsByTheirCoverage() {
        // 3 -> 2: footprints [0, 1.5) and [1.5, 3); the middle pixel counts half in each
        PlanarImage out = Resampling.AREA.resize(image(new double[][] {{3, 6, 9}}), 1, 2);
        assertPixels(out, new double[][] {{(3 + 0.5 * 6) / 1.5, (0.5 * 6 + 9) / 1.5}});
        // and rows and columns alike: a 3x3 ramp shrunk to 2x2
        PlanarImage square = Resampling.AREA.resize(image(new double[][] {{1, 1, 1}, {2, 2, 2}, {4, 4, 4}}), 2, 2);
        double top = (1 + 0.5 * 2) / 1.5;
        double bottom = (0.5 * 2 + 4) / 1.5;
        assertPixels(square, new double[][] {{top, top}, {bottom, bottom}});
    }

    @Test
    void areaEnlargingReplicatesPixels() {
        PlanarImage out = Resampling.AREA.resize(image(new double[][] {{0, 4}, {8, 12}}), 4, 4);
        assertPixels(out, new double[][] {{0, 0, 4, 4}, {0, 0, 4, 4}, {8, 8, 12, 12}, {8, 8, 12, 12}});
    }

    @Test
    void sameSizeIsTheIdentity() {
        PlanarImage in = image(new double[][] {{0.1, 0.7, 0.3}, {0.9, 0.2, 0.5}});
        for (Resampling r : Resampling.values()) {
            assertPixels(r.resize(in, 2, 3), new double[][] {{0.1, 0.7, 0.3}, {0.9, 0.2, 0.5}});
        }
    }

    @Test
    void resizingWorksOnPremultipliedColours() {
        // an opaque red pixel beside a fully transparent green one: premultiplied averaging gives half-transparent
        // pure red (no green leaks in); averaging straight colours would have given r = g = 0.5
        Path file = TestPngs.writeArgb(dir.resolve("pair.png"),
                new int[][] {{TestPngs.argb(255, 255, 0, 0), TestPngs.argb(0, 0, 255, 0)}});
        PlanarImage out = Resampling.AREA.resize(PngImages.read(file), 1, 1);
        assertThat(new double[] {out.get(0, 0, 0), out.get(1, 0, 0), out.get(2, 0, 0), out.get(3, 0, 0)})
                .containsExactly(new double[] {0.5, 0.0, 0.0, 0.5}, within(1e-15));
    }

    @Test
    void everyChannelIsResampledIndependently() {
        PlanarImage in = new PlanarImage(2, 2, 2, new double[] {0, 4, 8, 12, 1, 1, 1, 1});
        PlanarImage out = Resampling.AREA.resize(in, 1, 1);
        assertThat(out.values()).containsExactly(new double[] {6, 1}, within(1e-15));
    }
}
