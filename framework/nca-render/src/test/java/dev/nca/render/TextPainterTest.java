package dev.nca.render;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TextPainterTest {

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(TextPainter.class);
    private Level previous;

    @BeforeEach
    void captureLog() {
        previous = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
        events.start();
        logger.addAppender(events);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(events);
        logger.setLevel(previous);
        logger.setAdditive(true);
    }

    private static BufferedImage white(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    @Test
    void fallsBackToTheBitmapFontWhenTheFontSubsystemFails() {
        AtomicInteger calls = new AtomicInteger();
        TextPainter text = new TextPainter(16, () -> {
            calls.incrementAndGet();
            throw new InternalError("simulated: no fonts");
        });
        assertThat(text.usesBitmapFont()).isTrue();
        assertThat(calls).hasValue(1);
        assertThat(events.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(e.getFormattedMessage()).contains("simulated: no fonts").contains("bitmap font");
        });
        BufferedImage img = white(120, 30);
        Graphics2D g = img.createGraphics();
        // pixel size round(16 / 8) = 2: 7 characters * 6 - 1 = 41 glyph columns = 82 pixels
        assertThat(text.width(g, "step 12")).isEqualTo(82);
        assertThat(text.ascent(g)).isEqualTo(14);
        text.draw(g, "step 12", 0, 20, Color.BLACK);
        g.dispose();
        assertThat(GifWriterTest.countNonWhite(img, 0, 6, 82, 20)).isGreaterThan(50);
        assertThat(GifWriterTest.countNonWhite(img, 82, 0, 120, 30)).isZero();
        assertThat(GifWriterTest.countNonWhite(img, 0, 0, 120, 6)).isZero();
    }

    @Test
    void usesTheJdkFontWhenItWorks() {
        TextPainter text = new TextPainter(14, () -> new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        assertThat(text.usesBitmapFont()).isFalse();
        BufferedImage img = white(100, 30);
        Graphics2D g = img.createGraphics();
        text.draw(g, "NCA", 2, 20, Color.BLACK);
        g.dispose();
        assertThat(GifWriterTest.countNonWhite(img, 0, 0, 100, 30)).isGreaterThan(10);
    }

    @Test
    void bitmapGlyphsMatchTheirDesign() {
        BitmapFont font = new BitmapFont(1);
        boolean[][] one = font.glyph('1');
        // column 2 is the stem of "1" in every row
        for (int r = 0; r < BitmapFont.GLYPH_H; r++) {
            assertThat(one[r][2]).as("row %d", r).isTrue();
        }
        assertThat(one[0][0]).isFalse();
        assertThat(font.glyph('a')).isSameAs(font.glyph('A'));
        boolean[][] unknown = font.glyph('\u00e9');
        assertThat(unknown[0]).containsOnly(true);
        assertThat(unknown[3][2]).isFalse();
        BufferedImage img = white(10, 10);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        font.draw(g, "-", 0, 7);
        g.dispose();
        // "-" is the full middle row (row 3) only
        assertThat(GifWriterTest.countNonWhite(img, 0, 3, 5, 4)).isEqualTo(5);
        assertThat(GifWriterTest.countNonWhite(img, 0, 0, 10, 10)).isEqualTo(5);
    }
}
