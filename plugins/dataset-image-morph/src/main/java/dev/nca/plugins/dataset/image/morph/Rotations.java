package dev.nca.plugins.dataset.image.morph;

import dev.nca.support.image.PlanarImage;

/**
 * Rotations of {@link PlanarImage}s in the picture plane. Angles turn counter-clockwise as the
 * picture is seen (row 0 at the top): a quarter turn moves the top edge to the left edge.
 */
final class Rotations {

    private Rotations() {
    }

    /**
     * Exact on-lattice rotation of a square image by {@code turns} quarter turns counter-clockwise
     * (any integer; taken modulo 4): for one turn, {@code out[c][i][j] = in[c][j][S - 1 - i]}.
     *
     * @return a new image; the input is not modified
     * @throws IllegalArgumentException when the image is not square
     */
    static PlanarImage quarterTurns(PlanarImage image, int turns) {
        int n = image.height();
        if (image.width() != n) {
            throw new IllegalArgumentException("quarter turns need a square image, got " + image.sizeText());
        }
        int k = Math.floorMod(turns, 4);
        PlanarImage out = new PlanarImage(image.channels(), n, n);
        for (int c = 0; c < image.channels(); c++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double v = switch (k) {
                        case 0 -> image.get(c, i, j);
                        case 1 -> image.get(c, j, n - 1 - i);
                        case 2 -> image.get(c, n - 1 - i, n - 1 - j);
                        default -> image.get(c, n - 1 - j, i);
                    };
                    out.set(c, i, j, v);
                }
            }
        }
        return out;
    }

    /**
     * Off-lattice rotation by {@code angle} radians counter-clockwise about the point (row
     * {@code centreY}, column {@code centreX}) (pixel centres at integer coordinates), by bilinear
     * interpolation of the input at the inversely rotated position of each output pixel centre;
     * positions outside the input read as zero. Every channel is treated alike, so premultiplied
     * colours stay consistent with alpha. Approximately conserves the sum of each channel while the
     * content stays inside the image; a rotation by a multiple of 2 pi is the identity up to
     * rounding.
     *
     * @return a new image of the same shape; the input is not modified
     */
    static PlanarImage rotate(PlanarImage image, double angle, double centreY, double centreX) {
        int h = image.height();
        int w = image.width();
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        PlanarImage out = new PlanarImage(image.channels(), h, w);
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                double dy = i - centreY;
                double dx = j - centreX;
                // inverse rotation of the output position (x right, y down, counter-clockwise on screen)
                double sx = centreX + dx * cos - dy * sin;
                double sy = centreY + dx * sin + dy * cos;
                int y0 = (int) Math.floor(sy);
                int x0 = (int) Math.floor(sx);
                double fy = sy - y0;
                double fx = sx - x0;
                for (int c = 0; c < image.channels(); c++) {
                    double v = (1 - fy) * ((1 - fx) * at(image, c, y0, x0) + fx * at(image, c, y0, x0 + 1))
                            + fy * ((1 - fx) * at(image, c, y0 + 1, x0) + fx * at(image, c, y0 + 1, x0 + 1));
                    out.set(c, i, j, v);
                }
            }
        }
        return out;
    }

    private static double at(PlanarImage image, int c, int y, int x) {
        return y < 0 || x < 0 || y >= image.height() || x >= image.width() ? 0.0 : image.get(c, y, x);
    }

    /**
     * The largest distance from the point ({@code (H-1)/2}, {@code (W-1)/2}) of a pixel centre
     * with a non-zero value in any channel; 0 for an all-zero image.
     */
    static double contentRadius(PlanarImage image) {
        double cy = (image.height() - 1) / 2.0;
        double cx = (image.width() - 1) / 2.0;
        double max = 0;
        for (int i = 0; i < image.height(); i++) {
            for (int j = 0; j < image.width(); j++) {
                for (int c = 0; c < image.channels(); c++) {
                    if (image.get(c, i, j) != 0) {
                        max = Math.max(max, Math.hypot(i - cy, j - cx));
                        break;
                    }
                }
            }
        }
        return max;
    }
}
