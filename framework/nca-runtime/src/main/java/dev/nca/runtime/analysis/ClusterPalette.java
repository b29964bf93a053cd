package dev.nca.runtime.analysis;

import java.awt.Color;

/**
 * Categorical colours of cluster labels as {@code 0xRRGGBB}. Labels 0..15 get fixed, mutually
 * distinguishable colours (none of them white or near white); larger labels get hues spaced by the
 * golden angle around the colour wheel. {@link CellClusters#DEAD} is white, like the background of
 * RGBA pictures. Stateless.
 */
public final class ClusterPalette {

    /** The colour of cells that were not clustered. */
    public static final int DEAD_COLOR = 0xFFFFFF;

    private static final int[] FIXED = {
        0x1F5FBF, // blue
        0xF08C00, // orange
        0x2CA02C, // green
        0xD62728, // red
        0x8E52B8, // purple
        0x8C564B, // brown
        0xE377C2, // pink
        0x606060, // grey
        0xB8B000, // olive
        0x17BECF, // cyan
        0x0A1F5C, // navy
        0x85E03A, // lime
        0x7A0A2A, // maroon
        0x00807A, // teal
        0xFFC61A, // gold
        0x101010, // black
    };
    private static final float GOLDEN_ANGLE = 0.381966f;

    private ClusterPalette() {
    }

    /** The number of fixed colours. */
    public static int fixedColors() {
        return FIXED.length;
    }

    /**
     * The colour of a label.
     *
     * @param label a cluster label >= 0, or {@link CellClusters#DEAD}
     * @return {@code 0xRRGGBB}
     */
    public static int color(int label) {
        if (label == CellClusters.DEAD) {
            return DEAD_COLOR;
        }
        if (label < 0) {
            throw new IllegalArgumentException("cluster labels are >= 0 (or " + CellClusters.DEAD + "), got " + label);
        }
        if (label < FIXED.length) {
            return FIXED[label];
        }
        float hue = ((label - FIXED.length) * GOLDEN_ANGLE) % 1f;
        float brightness = (label - FIXED.length) % 2 == 0 ? 0.85f : 0.6f;
        return Color.HSBtoRGB(hue, 0.75f, brightness) & 0xFFFFFF;
    }

    /** The colour of a label as {@code #rrggbb}. */
    public static String hex(int label) {
        return String.format("#%06x", color(label));
    }
}
