package dev.nca.support.image;

import dev.nca.api.NcaException;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes PNG (and other ImageIO-readable) pictures into premultiplied RGBA {@link PlanarImage}s
 * {@code [4, H, W]} with values in [0, 1], channels in the order r, g, b, a.
 *
 * <p>Convention: the colour channels are premultiplied by alpha ({@code r = R * A} where R is the
 * stored, straight colour), as in growing-NCA work: a fully transparent pixel is exactly zero in
 * every channel, so it matches a zero lattice boundary, and averaging or interpolating
 * premultiplied values does not bleed the colour of invisible pixels into visible ones.
 *
 * <p>Stored sample values are used as they are, scaled by {@code 2^bits - 1} (8- and 16-bit
 * files both give [0, 1]); no colour management or gamma conversion is applied. Grey files give
 * r = g = b; files without alpha give a = 1; palette files use their palette (and its
 * transparency). Formats with other band layouts are rejected.
 */
public final class PngImages {

    /** Number of channels of a decoded image: r, g, b, a. */
    public static final int RGBA = 4;

    private PngImages() {
    }

    /**
     * Reads a picture file.
     *
     * @throws NcaException naming the file when it is missing, unreadable, not a picture or corrupt
     */
    public static PlanarImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NcaException("image file " + file + " does not exist or is not a regular file");
        }
        return decode(() -> ImageIO.read(file.toFile()), file.toString());
    }

    /**
     * Reads one picture from a stream (not closed), buffering it in memory (no temporary files).
     *
     * @param source the name used in error messages, e.g. a file path or resource name
     * @throws NcaException naming {@code source} when the content is not a readable picture
     */
    public static PlanarImage read(InputStream in, String source) {
        return decode(() -> ImageIO.read(new MemoryCacheImageInputStream(in)), source);
    }

    /** Something that decodes one picture, or returns null when no reader recognises it. */
    private interface Decoder {
        BufferedImage decode() throws IOException;
    }

    private static PlanarImage decode(Decoder decoder, String source) {
        BufferedImage image;
        try {
            image = decoder.decode();
        } catch (IOException | RuntimeException e) {
            throw new NcaException(source + " is not a readable PNG image (corrupt or truncated): " + e.getMessage(),
                    e);
        }
        if (image == null) {
            throw new NcaException(source + " is not a PNG image (no image reader recognises its content)");
        }
        return premultipliedRgba(image, source);
    }

    /** Converts a decoded picture to premultiplied RGBA {@code [4, H, W]} in [0, 1]. */
    public static PlanarImage premultipliedRgba(BufferedImage image, String source) {
        int h = image.getHeight();
        int w = image.getWidth();
        PlanarImage out = new PlanarImage(RGBA, h, w);
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        double[] straight = new double[RGBA];
        if (cm instanceof IndexColorModel palette) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = raster.getSample(x, y, 0);
                    straight[0] = palette.getRed(i) / 255.0;
                    straight[1] = palette.getGreen(i) / 255.0;
                    straight[2] = palette.getBlue(i) / 255.0;
                    straight[3] = palette.getAlpha(i) / 255.0;
                    store(out, y, x, straight, false);
                }
            }
            return out;
        }
        int bands = raster.getNumBands();
        boolean alpha = cm.hasAlpha();
        int colourBands = bands - (alpha ? 1 : 0);
        if (colourBands != 1 && colourBands != 3) {
            throw new NcaException(source + " has " + bands + " bands per pixel" + (alpha ? " including alpha" : "")
                    + "; supported are grey, grey + alpha, RGB and RGBA pictures and palette pictures");
        }
        double[] scale = new double[bands];
        for (int b = 0; b < bands; b++) {
            scale[b] = 1.0 / ((1L << raster.getSampleModel().getSampleSize(b)) - 1);
        }
        boolean premultiplied = cm.isAlphaPremultiplied();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    int band = colourBands == 1 ? 0 : c;
                    straight[c] = raster.getSample(x, y, band) * scale[band];
                }
                straight[3] = alpha ? raster.getSample(x, y, bands - 1) * scale[bands - 1] : 1.0;
                store(out, y, x, straight, premultiplied);
            }
        }
        return out;
    }

    private static void store(PlanarImage out, int y, int x, double[] rgba, boolean alreadyPremultiplied) {
        double a = rgba[3];
        for (int c = 0; c < 3; c++) {
            out.set(c, y, x, alreadyPremultiplied ? rgba[c] : rgba[c] * a);
        }
        out.set(3, y, x, a);
    }
}
