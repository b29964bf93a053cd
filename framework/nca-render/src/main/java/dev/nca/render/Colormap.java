package dev.nca.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A map from a normalised scalar {@code t} in [0, 1] to an opaque sRGB colour, stored as a
 * 256-entry lookup table: a published table (viridis) or one built by piecewise-linear
 * interpolation (in sRGB) between anchor colours.
 *
 * <p>Lookup: {@code t} is clipped to [0, 1] and the entry {@code round(t * 255)} is returned, so
 * {@code t = 0} gives exactly the first anchor and {@code t = 1} exactly the last. NaN maps to the
 * {@linkplain #badColor() bad colour} (magenta by default) so that a diverged state is visible
 * instead of silently black. Instances are immutable and thread-safe.
 */
public final class Colormap {

    /** Number of entries in the lookup table. */
    public static final int SIZE = 256;

    private static final int DEFAULT_BAD = 0xFF00FF;

    private final String name;
    private final int[] table;
    private final int badColor;

    private Colormap(String name, int[] table, int badColor) {
        this.name = name;
        this.table = table;
        this.badColor = badColor;
    }

    /** Linear grey ramp: {@code t} maps to grey level {@code round(255 t)}. */
    public static Colormap gray() {
        return fromAnchors("gray", new double[] {0, 1}, new int[] {0x000000, 0xFFFFFF});
    }

    /**
     * matplotlib's viridis (perceptually uniform, colour-blind friendly: dark violet, blue, teal,
     * green, yellow; lightness increases monotonically): its published 256-entry table, each
     * channel rounded to 8 bits, read from the resource {@value #VIRIDIS_RESOURCE} (CC0; origin
     * and the command that generated it are in its header and in NOTICE).
     */
    public static Colormap viridis() {
        return new Colormap("viridis", ViridisTable.TABLE.clone(), DEFAULT_BAD);
    }

    /** The resource holding the viridis table: 256 lines of {@code RRGGBB} after '#' comment lines. */
    static final String VIRIDIS_RESOURCE = "viridis.txt";

    /** The viridis table, read once (immutable data, copied out to each colormap). */
    private static final class ViridisTable {
        static final int[] TABLE = read();

        private static int[] read() {
            try (InputStream in = Colormap.class.getResourceAsStream(VIRIDIS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + VIRIDIS_RESOURCE + " is missing from nca-render");
                }
                int[] table = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines()
                        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .mapToInt(l -> Integer.parseInt(l, 16)).toArray();
                if (table.length != SIZE) {
                    throw new IllegalStateException("resource " + VIRIDIS_RESOURCE + " has " + table.length
                            + " colours, expected " + SIZE);
                }
                return table;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + VIRIDIS_RESOURCE, e);
            }
        }
    }

    /**
     * The colormap with the given short name.
     *
     * @param name {@code gray} (alias {@code grey}) or {@code viridis}, case-insensitive
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static Colormap named(String name) {
        Objects.requireNonNull(name, "name");
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "gray", "grey" -> gray();
            case "viridis" -> viridis();
            default -> throw new IllegalArgumentException("Unknown colormap '" + name
                    + "'; allowed: " + String.join(", ", names()) + ".");
        };
    }

    /** The names accepted by {@link #named(String)}. */
    public static List<String> names() {
        return List.of("gray", "viridis");
    }

    /**
     * A colormap interpolating linearly between anchors.
     *
     * @param name      a short name, for messages
     * @param positions strictly increasing anchor positions, first 0 and last 1
     * @param rgb       one {@code 0xRRGGBB} colour per position
     */
    public static Colormap fromAnchors(String name, double[] positions, int[] rgb) {
        Objects.requireNonNull(name, "name");
        if (positions.length < 2 || positions.length != rgb.length) {
            throw new IllegalArgumentException("need at least two anchors and one colour per position, got "
                    + positions.length + " positions and " + rgb.length + " colours");
        }
        if (positions[0] != 0.0 || positions[positions.length - 1] != 1.0) {
            throw new IllegalArgumentException("anchor positions must start at 0 and end at 1, got "
                    + Arrays.toString(positions));
        }
        for (int i = 1; i < positions.length; i++) {
            if (!(positions[i] > positions[i - 1])) {
                throw new IllegalArgumentException("anchor positions must be strictly increasing, got "
                        + Arrays.toString(positions));
            }
        }
        int[] table = new int[SIZE];
        int segment = 0;
        for (int i = 0; i < SIZE; i++) {
            double t = i / (double) (SIZE - 1);
            while (segment < positions.length - 2 && t > positions[segment + 1]) {
                segment++;
            }
            double f = (t - positions[segment]) / (positions[segment + 1] - positions[segment]);
            table[i] = lerp(rgb[segment], rgb[segment + 1], f);
        }
        return new Colormap(name, table, DEFAULT_BAD);
    }

    /** The same table with a different colour for NaN input ({@code 0xRRGGBB}). */
    public Colormap withBadColor(int rgb) {
        return new Colormap(name, table, rgb & 0xFFFFFF);
    }

    /** Short name of this colormap. */
    public String name() {
        return name;
    }

    /** The colour ({@code 0xRRGGBB}) used for NaN. */
    public int badColor() {
        return badColor;
    }

    /**
     * The colour for a normalised value.
     *
     * @param t value in [0, 1]; values outside are clipped, NaN gives {@link #badColor()}
     * @return {@code 0xRRGGBB}
     */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            return badColor;
        }
        double c = t <= 0 ? 0 : Math.min(t, 1);
        return table[(int) Math.round(c * (SIZE - 1))];
    }

    private static int lerp(int a, int b, double f) {
        int r = channelLerp(a >> 16, b >> 16, f);
        int g = channelLerp(a >> 8, b >> 8, f);
        int bl = channelLerp(a, b, f);
        return (r << 16) | (g << 8) | bl;
    }

    private static int channelLerp(int a, int b, double f) {
        int x = a & 0xFF;
        int y = b & 0xFF;
        return (int) Math.round(x + (y - x) * f);
    }

    @Override
    public String toString() {
        return "Colormap[" + name + "]";
    }
}
