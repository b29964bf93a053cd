package dev.nca.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns one lattice state into a picture.
 *
 * <p>Input: a state {@code [C, H, W]} (usually {@code H = W = S}) or {@code [H, W]}, float32 or
 * float64, never modified. The first {@code observable} channels are drawn according to the
 * {@link Layout}; channels after them are hidden channels, drawn (when enabled) as extra panels
 * to the right, three at a time as the red, green and blue of one panel. Each hidden triplet is
 * min-max normalised jointly (one min and one max over its three channels, finite values only);
 * a last, incomplete triplet has zero for its missing components.
 *
 * <p>Colour conventions:
 * <ul>
 *   <li>colormapped channels are normalised with the configured {@link ValueRange}, or when none is
 *   set, with each channel's own finite min and max (a constant channel maps to 0);</li>
 *   <li>RGB and RGBA channels are taken as values in [0, 1] and clipped; RGBA is non-premultiplied
 *   and composited over white: {@code out = a * rgb + (1 - a)};</li>
 *   <li>a channel value is quantised to {@code round(255 v)}; NaN shows the colormap's bad colour
 *   (magenta by default).</li>
 * </ul>
 * Every lattice cell becomes a {@code scale x scale} block (nearest neighbour); panels are
 * separated by {@code gap} pixels of background. The result is {@code TYPE_INT_RGB}.
 * Instances are immutable and thread-safe.
 */
public final class FrameRenderer {

    /** How the observable channels are drawn. */
    public enum Layout {
        /** 1, 2 or more than 4 channels: {@link #CHANNELS}; 3: {@link #RGB}; 4: {@link #RGBA}. */
        AUTO,
        /** Each observable channel through the colormap, side by side. */
        CHANNELS,
        /** Only the chosen observable channel, through the colormap. */
        SINGLE,
        /** Exactly three observable channels as red, green, blue in [0, 1]. */
        RGB,
        /** Exactly four observable channels as red, green, blue, alpha in [0, 1], over white. */
        RGBA
    }

    private final int observable;
    private final Layout layout;
    private final int channel;
    private final Colormap colormap;
    private final ValueRange range;
    private final int scale;
    private final int gap;
    private final boolean showHidden;
    private final int background;

    private FrameRenderer(Builder b) {
        this.observable = b.observable;
        this.layout = b.layout;
        this.channel = b.channel;
        this.colormap = b.colormap;
        this.range = b.range;
        this.scale = b.scale;
        this.gap = b.gap < 0 ? Math.max(2, b.scale) : b.gap;
        this.showHidden = b.showHidden;
        this.background = b.background;
    }

    /** A builder with defaults: all channels observable, AUTO layout, viridis, auto range, scale 1. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Renders one state.
     *
     * @param state {@code [C, H, W]} or {@code [H, W]}, floating point; not modified
     * @return an RGB image of height {@code H * scale}
     * @throws IllegalArgumentException if the shape does not fit the configured channels/layout
     */
    public BufferedImage render(INDArray state) {
        Planes planes = Planes.of(state);
        int obs = observable < 0 ? planes.channels() : observable;
        if (obs > planes.channels()) {
            throw new IllegalArgumentException("renderer expects " + obs + " observable channels but the state has "
                    + planes.channels() + " (shape " + Arrays.toString(state.shape()) + ")");
        }
        List<int[]> panels = observablePanels(planes, obs);
        if (showHidden) {
            for (int first = obs; first < planes.channels(); first += 3) {
                panels.add(Panels.hiddenTriplet(planes, first, colormap.badColor()));
            }
        }
        return compose(panels, planes.height(), planes.width());
    }

    /**
     * Renders every state of a sequence.
     *
     * @param states {@code [T, C, H, W]}, floating point; not modified
     * @return T images
     */
    public List<BufferedImage> renderAll(INDArray states) {
        if (states.rank() != 4) {
            throw new IllegalArgumentException("states must be [T, C, S, S], got shape "
                    + Arrays.toString(states.shape()));
        }
        List<BufferedImage> out = new ArrayList<>();
        for (long t = 0; t < states.size(0); t++) {
            out.add(render(states.slice(t)));
        }
        return out;
    }

    private List<int[]> observablePanels(Planes p, int obs) {
        List<int[]> panels = new ArrayList<>();
        Layout effective = layout == Layout.AUTO ? (obs == 3 ? Layout.RGB : obs == 4 ? Layout.RGBA : Layout.CHANNELS)
                : layout;
        switch (effective) {
            case CHANNELS -> {
                for (int c = 0; c < obs; c++) {
                    panels.add(Panels.colormapped(p.channel(c), colormap, range));
                }
            }
            case SINGLE -> {
                if (channel >= obs) {
                    throw new IllegalArgumentException("channel " + channel + " is not observable; the state has "
                            + obs + " observable channels (0.." + (obs - 1) + ")");
                }
                panels.add(Panels.colormapped(p.channel(channel), colormap, range));
            }
            case RGB -> panels.add(Panels.rgba(p, obs, false, colormap.badColor()));
            case RGBA -> panels.add(Panels.rgba(p, obs, true, colormap.badColor()));
            default -> throw new IllegalStateException("unhandled layout " + effective);
        }
        return panels;
    }

    private BufferedImage compose(List<int[]> panels, int h, int w) {
        int pw = w * scale;
        int ph = h * scale;
        int width = panels.size() * pw + (panels.size() - 1) * gap;
        BufferedImage img = new BufferedImage(width, ph, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        Arrays.fill(dst, background);
        for (int k = 0; k < panels.size(); k++) {
            int[] src = panels.get(k);
            int x0 = k * (pw + gap);
            for (int y = 0; y < ph; y++) {
                int srcRow = (y / scale) * w;
                int dstRow = y * width + x0;
                for (int x = 0; x < pw; x++) {
                    dst[dstRow + x] = src[srcRow + x / scale];
                }
            }
        }
        return img;
    }

    /** Configures a {@link FrameRenderer}. */
    public static final class Builder {
        private int observable = -1;
        private Layout layout = Layout.AUTO;
        private int channel;
        private Colormap colormap = Colormap.viridis();
        private ValueRange range;
        private int scale = 1;
        private int gap = -1;
        private boolean showHidden = true;
        private int background = 0xFFFFFF;

        private Builder() {
        }

        /** The number of leading observable channels; the rest are hidden. Default: all channels. */
        public Builder observableChannels(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("observable channels must be >= 1, got " + n);
            }
            this.observable = n;
            return this;
        }

        /** How observable channels are drawn. Default {@link Layout#AUTO}. */
        public Builder layout(Layout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /** Draw only observable channel {@code c} (sets {@link Layout#SINGLE}). */
        public Builder singleChannel(int c) {
            if (c < 0) {
                throw new IllegalArgumentException("channel index must be >= 0, got " + c);
            }
            this.channel = c;
            this.layout = Layout.SINGLE;
            return this;
        }

        /** Colormap for single-channel panels. Default {@link Colormap#viridis()}. */
        public Builder colormap(Colormap colormap) {
            this.colormap = Objects.requireNonNull(colormap, "colormap");
            return this;
        }

        /** Fixed value range for colormapped channels. */
        public Builder range(double vmin, double vmax) {
            this.range = new ValueRange(vmin, vmax);
            return this;
        }

        /** Normalise each colormapped channel by its own finite min and max (the default). */
        public Builder autoRange() {
            this.range = null;
            return this;
        }

        /** Integer upscaling factor (nearest neighbour), 1..64. Default 1. */
        public Builder scale(int scale) {
            if (scale < 1 || scale > 64) {
                throw new IllegalArgumentException("scale must be in 1..64, got " + scale);
            }
            this.scale = scale;
            return this;
        }

        /** Background pixels between panels, >= 0. Default {@code max(2, scale)}. */
        public Builder gap(int gap) {
            if (gap < 0) {
                throw new IllegalArgumentException("gap must be >= 0, got " + gap);
            }
            this.gap = gap;
            return this;
        }

        /** Whether hidden channels are drawn as RGB triplets to the right. Default true. */
        public Builder showHidden(boolean show) {
            this.showHidden = show;
            return this;
        }

        /** Background colour {@code 0xRRGGBB} (the gaps). Default white. */
        public Builder background(int rgb) {
            this.background = rgb & 0xFFFFFF;
            return this;
        }

        public FrameRenderer build() {
            return new FrameRenderer(this);
        }
    }
}
