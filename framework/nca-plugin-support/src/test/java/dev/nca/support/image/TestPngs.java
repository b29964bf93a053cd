package dev.nca.support.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes tiny PNG files for tests. */
public final class TestPngs {

    private TestPngs() {
    }

    /** Packs straight (not premultiplied) 8-bit components into an ARGB int. */
    public static int argb(int a, int r, int g, int b) {
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    /**
     * Writes an RGBA PNG whose pixel at row y, column x is {@code pixels[y][x]} (ARGB, straight alpha).
     *
     * @return {@code file}
     */
    public static Path writeArgb(Path file, int[][] pixels) {
        BufferedImage image = new BufferedImage(pixels[0].length, pixels.length, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < pixels.length; y++) {
            for (int x = 0; x < pixels[y].length; x++) {
                image.setRGB(x, y, pixels[y][x]);
            }
        }
        return write(image, file);
    }

    /** Writes an opaque square PNG of side n, every pixel the same straight colour. */
    public static Path writeUniform(Path file, int n, int argb) {
        int[][] pixels = new int[n][n];
        for (int[] row : pixels) {
            java.util.Arrays.fill(row, argb);
        }
        return writeArgb(file, pixels);
    }

    /** Writes a buffered image as PNG. */
    public static Path write(BufferedImage image, Path file) {
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer for image type " + image.getType());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
