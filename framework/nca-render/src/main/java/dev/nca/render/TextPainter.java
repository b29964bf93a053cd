package dev.nca.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws short labels. It uses the JDK's logical sans-serif font, antialiased; if the JDK cannot
 * create, measure or draw that font (headless systems without fonts throw various errors from
 * the font subsystem), it logs the reason at DEBUG and switches, for the rest of its life, to
 * the built-in {@link BitmapFont}, so pictures keep their labels. Not thread-safe (it may switch
 * mode); create one per picture.
 */
final class TextPainter {

    private static final Logger LOG = LoggerFactory.getLogger(TextPainter.class);

    private final float size;
    private final BitmapFont bitmap;
    private Font font;

    /** A painter for text of roughly {@code size} pixels (the em height). */
    TextPainter(float size) {
        this(size, () -> new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(size)));
    }

    /** A painter with an explicit font source; a source that throws selects the bitmap font. */
    TextPainter(float size, Supplier<Font> fontSource) {
        if (!(size >= 4)) {
            throw new IllegalArgumentException("text size must be >= 4 pixels, got " + size);
        }
        this.size = size;
        this.bitmap = new BitmapFont(Math.max(1, Math.round(size / 8f)));
        this.font = probe(Objects.requireNonNull(fontSource, "fontSource"));
    }

    /** Whether text is drawn with the built-in bitmap font. */
    boolean usesBitmapFont() {
        return font == null;
    }

    /** The text size this painter was made for, in pixels. */
    float size() {
        return size;
    }

    /** Advance width of {@code text} in pixels. */
    int width(Graphics2D g, String text) {
        if (font != null) {
            try {
                return g.getFontMetrics(font).stringWidth(text);
            } catch (RuntimeException | Error e) {
                fallBack("measuring text", e);
            }
        }
        return bitmap.width(text);
    }

    /** Distance from the baseline to the top of capitals, in pixels. */
    int ascent(Graphics2D g) {
        if (font != null) {
            try {
                return g.getFontMetrics(font).getAscent();
            } catch (RuntimeException | Error e) {
                fallBack("measuring text", e);
            }
        }
        return bitmap.height();
    }

    /** Line height (ascent plus descent), in pixels. */
    int lineHeight(Graphics2D g) {
        if (font != null) {
            try {
                FontMetrics m = g.getFontMetrics(font);
                return m.getAscent() + m.getDescent();
            } catch (RuntimeException | Error e) {
                fallBack("measuring text", e);
            }
        }
        return bitmap.height() + bitmap.height() / 4;
    }

    /** Draws {@code text} with its baseline at {@code y}, starting at {@code x}. */
    void draw(Graphics2D g, String text, int x, int y, Color color) {
        g.setColor(color);
        if (font != null) {
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setFont(font);
                g.drawString(text, x, y);
                return;
            } catch (RuntimeException | Error e) {
                fallBack("drawing text", e);
            }
        }
        bitmap.draw(g, text, x, y);
    }

    /** Draws {@code text} centred horizontally on {@code cx}. */
    void drawCentred(Graphics2D g, String text, int cx, int y, Color color) {
        draw(g, text, cx - width(g, text) / 2, y, color);
    }

    private Font probe(Supplier<Font> source) {
        try {
            Font f = source.get();
            BufferedImage scratch = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scratch.createGraphics();
            try {
                g.getFontMetrics(f).stringWidth("step 0");
                g.setFont(f);
                g.drawString("0", 0, 3);
            } finally {
                g.dispose();
            }
            return f;
        } catch (RuntimeException | Error e) {
            rethrowIfFatal(e);
            LOG.debug("The JDK cannot draw text ({}); labels use the built-in bitmap font", e.toString(), e);
            return null;
        }
    }

    private void fallBack(String what, Throwable e) {
        rethrowIfFatal(e);
        LOG.debug("The JDK failed while {} ({}); labels use the built-in bitmap font from now on",
                what, e.toString(), e);
        font = null;
    }

    /** Memory exhaustion and similar are never treated as a font problem. */
    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof InternalError)) {
            throw (VirtualMachineError) e;
        }
    }
}
