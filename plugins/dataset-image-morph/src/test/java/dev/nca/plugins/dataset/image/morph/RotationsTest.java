package dev.nca.plugins.dataset.image.morph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nca.support.image.PlanarImage;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RotationsTest {

    /** Two channels: 1..9 row by row, and its negative. */
    private static PlanarImage ninePixels() {
        PlanarImage img = new PlanarImage(2, 3, 3);
        for (int i = 0; i < 9; i++) {
            img.set(0, i / 3, i % 3, i + 1);
            img.set(1, i / 3, i % 3, -(i + 1));
        }
        return img;
    }

    private static double[][] channel(PlanarImage img, int c) {
        double[][] out = new double[img.height()][img.width()];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                out[y][x] = img.get(c, y, x);
            }
        }
        return out;
    }

    @Test
    void quarterTurnsMatchHandRotatedArrays() {
        PlanarImage img = ninePixels();
        // counter-clockwise as seen: the top row 1 2 3 becomes the left column read bottom to top
        assertThat(channel(Rotations.quarterTurns(img, 1), 0))
                .isEqualTo(new double[][] {{3, 6, 9}, {2, 5, 8}, {1, 4, 7}});
        assertThat(channel(Rotations.quarterTurns(img, 2), 0))
                .isEqualTo(new double[][] {{9, 8, 7}, {6, 5, 4}, {3, 2, 1}});
        assertThat(channel(Rotations.quarterTurns(img, 3), 0))
                .isEqualTo(new double[][] {{7, 4, 1}, {8, 5, 2}, {9, 6, 3}});
        assertThat(channel(Rotations.quarterTurns(img, -1), 1))
                .isEqualTo(new double[][] {{-7, -4, -1}, {-8, -5, -2}, {-9, -6, -3}});
        assertThat(Rotations.quarterTurns(img, 4)).isEqualTo(img);
    }

    @Test
    void anyAngleRotationByQuarterTurnsAgreesWithTheExactOnes() {
        PlanarImage img = ninePixels();
        for (int k = 1; k <= 3; k++) {
            PlanarImage exact = Rotations.quarterTurns(img, k);
            PlanarImage interpolated = Rotations.rotate(img, k * Math.PI / 2, 1, 1);
            assertThat(interpolated.values()).as("%d quarter turns", k).containsExactly(exact.values(), within(1e-12));
        }
    }

    @Test
    void fullTurnIsTheIdentity() {
        PlanarImage img = gaussianBlob(21, 3.0, 2, -1);
        assertThat(Rotations.rotate(img, 2 * Math.PI, 10, 10).values()).containsExactly(img.values(), within(1e-12));
        assertThat(Rotations.rotate(img, 0.0, 10, 10).values()).containsExactly(img.values(), within(0.0));
    }

    @Test
    void anyAngleRotationKeepsTheMassOfAContainedImage() {
        PlanarImage blob = gaussianBlob(41, 4.0, 5, -3);
        double before = sum(blob, 0);
        for (double degrees : new double[] {17, 30, 45, 133, 251}) {
            PlanarImage turned = Rotations.rotate(blob, Math.toRadians(degrees), 20, 20);
            assertThat(sum(turned, 0)).as("mass after %s degrees", degrees).isCloseTo(before, within(0.005 * before));
            // the blob's centre of mass turns about (20, 20): offset (5, -3) in (row, column) -> rotated offset
            double a = Math.toRadians(degrees);
            double dy = 5;
            double dx = -3;
            double expectedX = 20 + dx * Math.cos(a) + dy * Math.sin(a);
            double expectedY = 20 - dx * Math.sin(a) + dy * Math.cos(a);
            assertThat(centroid(turned, 0)).containsExactly(new double[] {expectedY, expectedX}, within(0.05));
        }
    }

    @Test
    void rotatingTheRoosterKeepsItsOpacity() throws IOException {
        PlanarImage rooster;
        try (InputStream in = SourceImages.class.getResourceAsStream("emoji/1f413.png")) {
            rooster = dev.nca.support.image.PngImages.read(in, "rooster");
        }
        PlanarImage padded = new PlanarImage(4, 96, 96);
        for (int c = 0; c < 4; c++) {
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    padded.set(c, 16 + y, 16 + x, rooster.get(c, y, x));
                }
            }
        }
        double alpha = sum(padded, 3);
        PlanarImage turned = Rotations.rotate(padded, Math.toRadians(37), 47.5, 47.5);
        assertThat(sum(turned, 3)).isCloseTo(alpha, within(0.01 * alpha));
    }

    @Test
    void contentRadiusIsTheFurthestNonZeroPixelCentre() {
        PlanarImage img = new PlanarImage(2, 5, 5);
        assertThat(Rotations.contentRadius(img)).isEqualTo(0.0);
        img.set(1, 0, 3, 0.5); // centre (2, 2): offset (-2, 1)
        img.set(0, 3, 2, 1.0);
        assertThat(Rotations.contentRadius(img)).isCloseTo(Math.sqrt(5), within(1e-15));
    }

    /** A Gaussian of width sigma centred at offset (dy, dx) from the centre of an n x n image. */
    static PlanarImage gaussianBlob(int n, double sigma, double dy, double dx) {
        PlanarImage img = new PlanarImage(1, n, n);
        double c = (n - 1) / 2.0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double ry = y - c - dy;
                double rx = x - c - dx;
                img.set(0, y, x, Math.exp(-(ry * ry + rx * rx) / (2 * sigma * sigma)));
            }
        }
        return img;
    }

    static double sum(PlanarImage img, int c) {
        double s = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                s += img.get(c, y, x);
            }
        }
        return s;
    }

    /** {row, column} centre of mass of channel c. */
    static double[] centroid(PlanarImage img, int c) {
        double s = 0;
        double sy = 0;
        double sx = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                double v = img.get(c, y, x);
                s += v;
                sy += v * y;
                sx += v * x;
            }
        }
        return new double[] {sy / s, sx / s};
    }
}
