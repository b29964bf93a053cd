package dev.nca.render;

import java.awt.Graphics2D;
import java.util.HashMap;
import java.util.Map;

/**
 * A tiny 5x7 pixel font drawn with {@code fillRect}, used when the JDK cannot draw text (no
 * system fonts, broken fontconfig). It covers digits, the Latin letters (lower case is drawn as
 * upper case) and common punctuation; any other character is drawn as a hollow box. Glyphs are
 * scaled by an integer pixel size. Immutable and thread-safe.
 */
final class BitmapFont {

    static final int GLYPH_W = 5;
    static final int GLYPH_H = 7;

    private static final String GLYPHS = """
            0 .###. #...# #..## #.#.# ##..# #...# .###.
            1 ..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.
            2 .###. #...# ....# ...#. ..#.. .#... #####
            3 ##### ...#. ..#.. ...#. ....# #...# .###.
            4 ...#. ..##. .#.#. #..#. ##### ...#. ...#.
            5 ##### #.... ####. ....# ....# #...# .###.
            6 ..##. .#... #.... ####. #...# #...# .###.
            7 ##### ....# ...#. ..#.. .#... .#... .#...
            8 .###. #...# #...# .###. #...# #...# .###.
            9 .###. #...# #...# .#### ....# ...#. .##..
            A .###. #...# #...# ##### #...# #...# #...#
            B ####. #...# #...# ####. #...# #...# ####.
            C .###. #...# #.... #.... #.... #...# .###.
            D ###.. #..#. #...# #...# #...# #..#. ###..
            E ##### #.... #.... ####. #.... #.... #####
            F ##### #.... #.... ####. #.... #.... #....
            G .###. #...# #.... #.### #...# #...# .####
            H #...# #...# #...# ##### #...# #...# #...#
            I .###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.
            J ..### ...#. ...#. ...#. ...#. #..#. .##..
            K #...# #..#. #.#.. ##... #.#.. #..#. #...#
            L #.... #.... #.... #.... #.... #.... #####
            M #...# ##.## #.#.# #.#.# #...# #...# #...#
            N #...# #...# ##..# #.#.# #..## #...# #...#
            O .###. #...# #...# #...# #...# #...# .###.
            P ####. #...# #...# ####. #.... #.... #....
            Q .###. #...# #...# #...# #.#.# #..#. .##.#
            R ####. #...# #...# ####. #.#.. #..#. #...#
            S .#### #.... #.... .###. ....# ....# ####.
            T ##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..
            U #...# #...# #...# #...# #...# #...# .###.
            V #...# #...# #...# #...# #...# .#.#. ..#..
            W #...# #...# #...# #.#.# #.#.# #.#.# .#.#.
            X #...# #...# .#.#. ..#.. .#.#. #...# #...#
            Y #...# #...# .#.#. ..#.. ..#.. ..#.. ..#..
            Z ##### ....# ...#. ..#.. .#... #.... #####
            . ..... ..... ..... ..... ..... .##.. .##..
            , ..... ..... ..... ..... .##.. ..#.. .#...
            : ..... .##.. .##.. ..... .##.. .##.. .....
            - ..... ..... ..... ##### ..... ..... .....
            + ..... ..#.. ..#.. ##### ..#.. ..#.. .....
            / ..... ....# ...#. ..#.. .#... #.... .....
            ( ...#. ..#.. .#... .#... .#... ..#.. ...#.
            ) .#... ..#.. ...#. ...#. ...#. ..#.. .#...
            = ..... ..... ##### ..... ##### ..... .....
            % ##... ##..# ...#. ..#.. .#... #..## ...##
            _ ..... ..... ..... ..... ..... ..... #####
            ' ..#.. ..#.. .#... ..... ..... ..... .....
            ? .###. #...# ....# ...#. ..#.. ..... ..#..
            """;

    private static final boolean[][] UNKNOWN = parse("##### #...# #...# #...# #...# #...# #####");
    private static final boolean[][] SPACE = new boolean[GLYPH_H][GLYPH_W];

    private final Map<Character, boolean[][]> glyphs = new HashMap<>();
    private final int pixel;

    /** A font whose glyph pixels are {@code pixel x pixel} screen pixels ({@code pixel >= 1}). */
    BitmapFont(int pixel) {
        if (pixel < 1) {
            throw new IllegalArgumentException("pixel size must be >= 1, got " + pixel);
        }
        this.pixel = pixel;
        GLYPHS.lines().map(String::strip).filter(l -> !l.isEmpty())
                .forEach(l -> glyphs.put(l.charAt(0), parse(l.substring(2))));
        glyphs.put(' ', SPACE);
    }

    /** Width of {@code text} in pixels: 6 glyph pixels per character minus the last spacing. */
    int width(String text) {
        return text.isEmpty() ? 0 : (text.length() * (GLYPH_W + 1) - 1) * pixel;
    }

    /** Height of a line (the glyph height) in pixels; the baseline is at the bottom. */
    int height() {
        return GLYPH_H * pixel;
    }

    /** Draws {@code text} with its baseline (glyph bottom) at {@code y}, using the current paint. */
    void draw(Graphics2D g, String text, int x, int y) {
        int top = y - height();
        for (int i = 0; i < text.length(); i++) {
            boolean[][] glyph = glyph(text.charAt(i));
            int gx = x + i * (GLYPH_W + 1) * pixel;
            for (int r = 0; r < GLYPH_H; r++) {
                for (int c = 0; c < GLYPH_W; c++) {
                    if (glyph[r][c]) {
                        g.fillRect(gx + c * pixel, top + r * pixel, pixel, pixel);
                    }
                }
            }
        }
    }

    boolean[][] glyph(char ch) {
        return glyphs.getOrDefault(Character.toUpperCase(ch), UNKNOWN);
    }

    private static boolean[][] parse(String rows) {
        String[] parts = rows.trim().split(" ");
        if (parts.length != GLYPH_H) {
            throw new IllegalStateException("glyph needs " + GLYPH_H + " rows: " + rows);
        }
        boolean[][] out = new boolean[GLYPH_H][GLYPH_W];
        for (int r = 0; r < GLYPH_H; r++) {
            for (int c = 0; c < GLYPH_W; c++) {
                out[r][c] = parts[r].charAt(c) == '#';
            }
        }
        return out;
    }
}
