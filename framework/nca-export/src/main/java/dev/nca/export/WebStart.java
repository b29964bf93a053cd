package dev.nca.export;

import java.util.List;
import java.util.Objects;

/**
 * What an exported page starts from and how it draws states.
 *
 * @param size         S, the lattice side
 * @param state        the start state {@code [C, S, S]} c-order float32 (a data frame with hidden
 *                     channels 0, or the seed cell of a growing model)
 * @param label        says where the start state comes from, shown on the page
 * @param display      how the observable channels are drawn
 * @param valueMin     the data's smallest value for colormaps, or NaN to normalise per frame
 * @param valueMax     the data's largest value, or NaN
 * @param channelNames the observable channels' names
 */
public record WebStart(int size, float[] state, String label, Display display, double valueMin, double valueMax,
                       List<String> channelNames) {

    /** How a page draws the observable channels. */
    public enum Display {
        /** Four channels as non-premultiplied RGBA in [0, 1] over a checkerboard. */
        RGBA,
        /** Three channels as RGB in [0, 1]. */
        RGB,
        /** Channel 0 as black (> 0.5) or white: Game of Life. */
        BINARY,
        /** Every observable channel through a colormap, side by side. */
        FIELDS;

        /**
         * The display the data call for: RGBA for 4 observable channels, RGB for 3, binary when every
         * observable value of the start state is 0 or 1, else fields.
         */
        public static Display of(int observable, float[] start, int cells) {
            if (observable == 4) {
                return RGBA;
            }
            if (observable == 3) {
                return RGB;
            }
            for (int i = 0; i < observable * cells; i++) {
                if (start[i] != 0f && start[i] != 1f) {
                    return FIELDS;
                }
            }
            return BINARY;
        }
    }

    public WebStart {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(display, "display");
        channelNames = List.copyOf(channelNames);
        if (size < 2 || state.length % (size * size) != 0) {
            throw new IllegalArgumentException("start state of " + state.length + " values is not [C, " + size + ", "
                    + size + "]");
        }
    }
}
