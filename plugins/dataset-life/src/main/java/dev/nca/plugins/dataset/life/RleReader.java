package dev.nca.plugins.dataset.life;

import dev.nca.api.NcaException;
import java.util.Locale;
import java.util.Set;

/**
 * Reads Game of Life patterns in the run-length encoded (RLE) format used by the Life community
 * (Golly, LifeWiki):
 * <pre>
 * #N Glider                 comment lines start with '#', anywhere before '!'
 * x = 3, y = 3, rule = B3/S23
 * bo$2bo$3o!
 * </pre>
 * The header gives the width {@code x} and height {@code y} (both required, 1..4096) and an
 * optional {@code rule}, which must be Conway's Life: {@code B3/S23} (any case) or the older
 * {@code 23/3}. The body, possibly spread over several lines, is a sequence of items
 * {@code <count><tag>} with an optional positive count (default 1): {@code b} dead cells,
 * {@code o} live cells, {@code $} end of row (a count skips rows), {@code !} end of the pattern.
 * Cells left out at the end of a row or the pattern are dead. Whitespace between items is
 * ignored, as is everything after {@code !}. {@code #} lines (name, comments, author, Golly's
 * position hints) are skipped without interpretation.
 *
 * <p>Every problem is an {@link NcaException} naming the origin, the line and what is wrong:
 * no header, a bad header or rule, a body larger than the header, an unknown tag, a count not
 * followed by a cell tag, a missing {@code !}.
 */
final class RleReader {

    /** Largest width or height a header may declare. */
    static final int MAX_SIDE = 4096;
    private static final int MAX_COUNT = 1_000_000;
    private static final Set<String> LIFE_RULES = Set.of("b3/s23", "23/3");

    private RleReader() {
    }

    /**
     * Parses one pattern.
     *
     * @param origin what the text is, for messages, e.g. {@code "RLE file patterns/gun.rle"}
     * @param text   the whole file
     * @return the pattern, named after {@code origin}
     * @throws NcaException on malformed input
     */
    static LifePattern parse(String origin, String text) {
        String[] lines = text.split("\\R", -1);
        int lineNo = 0;
        int[] header = null;
        while (lineNo < lines.length && header == null) {
            String line = lines[lineNo++].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                header = parseHeader(origin, lineNo, line);
            }
        }
        if (header == null) {
            throw new NcaException(origin + ": no header line 'x = <width>, y = <height>, rule = B3/S23' found");
        }
        Body body = new Body(origin, header[0], header[1]);
        int lastLine = lineNo;
        while (lineNo < lines.length && !body.finished) {
            String line = lines[lineNo++];
            if (!line.isBlank()) {
                lastLine = lineNo;
            }
            if (!line.strip().startsWith("#")) {
                body.read(line, lineNo);
            }
        }
        if (!body.finished) {
            throw new NcaException(origin + " line " + lastLine + ": the pattern ends without '!'"
                    + " (every RLE body must end with '!')");
        }
        return new LifePattern(origin, header[0], header[1], body.cells);
    }

    /** {@code {width, height}} from a line such as {@code x = 3, y = 3, rule = B3/S23}. */
    private static int[] parseHeader(String origin, int lineNo, String line) {
        Integer width = null;
        Integer height = null;
        for (String part : line.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw headerError(origin, lineNo, line, "'" + part.strip() + "' is not of the form key = value");
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            switch (key) {
                case "x" -> width = side(origin, lineNo, line, "x", value);
                case "y" -> height = side(origin, lineNo, line, "y", value);
                case "rule" -> {
                    String rule = value.replace(" ", "").toLowerCase(Locale.ROOT);
                    if (!LIFE_RULES.contains(rule)) {
                        throw new NcaException(origin + " line " + lineNo + ": rule '" + value + "' is not"
                                + " supported; this dataset simulates Conway's Life only (rule = B3/S23, also"
                                + " written 23/3)");
                    }
                }
                default -> throw headerError(origin, lineNo, line, "unknown header key '" + key
                        + "' (allowed: x, y, rule)");
            }
        }
        if (width == null || height == null) {
            throw headerError(origin, lineNo, line, "the header must give both x and y");
        }
        return new int[] {width, height};
    }

    private static int side(String origin, int lineNo, String line, String key, String value) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw headerError(origin, lineNo, line, key + " = '" + value + "' is not an integer");
        }
        if (n < 1 || n > MAX_SIDE) {
            throw headerError(origin, lineNo, line, key + " = " + n + " is outside 1.." + MAX_SIDE);
        }
        return n;
    }

    private static NcaException headerError(String origin, int lineNo, String line, String what) {
        return new NcaException(origin + " line " + lineNo + ": bad header \"" + line + "\": " + what
                + "; expected 'x = <width>, y = <height>, rule = B3/S23'");
    }

    /** The body decoder; keeps its position across lines. */
    private static final class Body {
        private final String origin;
        private final int width;
        private final int height;
        private final boolean[] cells;
        private int row;
        private int col;
        private long count;
        private boolean finished;

        Body(String origin, int width, int height) {
            this.origin = origin;
            this.width = width;
            this.height = height;
            this.cells = new boolean[width * height];
        }

        void read(String line, int lineNo) {
            for (int i = 0; i < line.length() && !finished; i++) {
                char ch = line.charAt(i);
                if (Character.isWhitespace(ch)) {
                    continue;
                }
                if (ch >= '0' && ch <= '9') {
                    count = count * 10 + (ch - '0');
                    if (count > MAX_COUNT) {
                        throw error(lineNo, i, "run count larger than " + MAX_COUNT);
                    }
                    continue;
                }
                int run = count == 0 ? 1 : (int) count;
                boolean counted = count != 0;
                count = 0;
                switch (ch) {
                    case 'b', 'o' -> cells(ch == 'o', run, lineNo, i);
                    case '$' -> {
                        row += run;
                        col = 0;
                    }
                    case '!' -> {
                        if (counted) {
                            throw error(lineNo, i, "a run count before '!' (counts go before b, o or $)");
                        }
                        finished = true;
                    }
                    default -> throw error(lineNo, i, "unknown tag '" + ch + "' (allowed: b for dead, o for"
                            + " alive, $ for end of row, ! for end, each with an optional run count)");
                }
            }
        }

        private void cells(boolean alive, int run, int lineNo, int column) {
            if (row >= height) {
                throw error(lineNo, column, "the pattern is larger than its header: cells in row " + (row + 1)
                        + " but y = " + height);
            }
            if (col + run > width) {
                throw error(lineNo, column, "the pattern is larger than its header: row " + (row + 1) + " has "
                        + (col + run) + " cells but x = " + width);
            }
            if (alive) {
                for (int c = col; c < col + run; c++) {
                    cells[row * width + c] = true;
                }
            }
            col += run;
        }

        private NcaException error(int lineNo, int index, String what) {
            return new NcaException(origin + " line " + lineNo + ", column " + (index + 1) + ": " + what);
        }
    }
}
