package dev.nca.plugins.dataset.image.sequence;

import dev.nca.support.image.PlanarImage;
import java.util.List;
import java.util.Locale;

/**
 * Which channels a PNG frame contributes ({@code channels} parameter). All are computed from the
 * premultiplied RGBA picture (colour times alpha, see
 * {@link dev.nca.support.image.PngImages}), so a transparent pixel is 0 in every channel.
 */
enum PixelFormat {
    /** r, g, b, a: premultiplied colour and opacity. */
    RGBA(List.of("r", "g", "b", "a")),
    /** r, g, b: premultiplied colour (a picture with transparency is seen over black). */
    RGB(List.of("r", "g", "b")),
    /** gray: luma {@code 0.299 r + 0.587 g + 0.114 b} (ITU-R BT.601 weights) of the premultiplied colour. */
    GRAY(List.of("gray"));

    static final double LUMA_R = 0.299;
    static final double LUMA_G = 0.587;
    static final double LUMA_B = 0.114;

    private final List<String> names;

    PixelFormat(List<String> names) {
        this.names = names;
    }

    /** Channel names, in order. */
    List<String> channelNames() {
        return names;
    }

    /** The recipe spelling, e.g. {@code "rgba"}. */
    String recipeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PixelFormat fromRecipeName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The channels of this format from a premultiplied RGBA picture {@code [4, H, W]}: {@code [C, H, W]}. */
    PlanarImage extract(PlanarImage rgba) {
        int h = rgba.height();
        int w = rgba.width();
        int cells = h * w;
        double[] in = rgba.values();
        return switch (this) {
            case RGBA -> rgba;
            case RGB -> new PlanarImage(3, h, w, java.util.Arrays.copyOf(in, 3 * cells));
            case GRAY -> {
                double[] out = new double[cells];
                for (int i = 0; i < cells; i++) {
                    out[i] = LUMA_R * in[i] + LUMA_G * in[cells + i] + LUMA_B * in[2 * cells + i];
                }
                yield new PlanarImage(1, h, w, out);
            }
        };
    }
}
