package dev.nca.support.io;

import dev.nca.api.NcaException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header dictionary of a .npy file, e.g.
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}: parsed from the Python
 * literal subset NumPy writes (strings, True/False, integers, tuples, lists, dicts) and formatted
 * the way NumPy formats it.
 *
 * @param descr        the dtype string, e.g. {@code <f4}
 * @param fortranOrder whether the data are stored column-major
 * @param shape        the array shape, empty for a 0-d array
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape) {

    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    /** The dictionary text as NumPy writes it (without padding and newline). */
    String format() {
        StringBuilder s = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",), }" : "), }").toString();
    }

    /** Number of elements, the product of the shape (1 for a 0-d array). */
    long elementCount(String source) {
        long n = 1;
        for (long d : shape) {
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                throw new NcaException(source + " declares the shape " + Arrays.toString(shape)
                        + ", which has more elements than can be addressed", e);
            }
        }
        return n;
    }

    /** Parses the header text of the file or entry named {@code source}. */
    static NpyHeader parse(String text, String source) {
        Object parsed;
        try {
            Parser p = new Parser(text);
            parsed = p.value();
            p.skipSpace();
            if (p.pos != text.length()) {
                throw p.error("unexpected text after the dictionary");
            }
        } catch (IllegalArgumentException e) {
            throw new NcaException(source + " has a malformed .npy header (" + e.getMessage() + "): " + text.strip(),
                    e);
        }
        if (!(parsed instanceof Map<?, ?> dict) || !dict.keySet().equals(KEYS)) {
            throw new NcaException(source + " has a malformed .npy header: expected a dictionary with exactly the"
                    + " keys 'descr', 'fortran_order' and 'shape', got " + text.strip());
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new NcaException(source + " has a structured or unrecognised dtype " + dict.get("descr")
                    + "; only plain numeric dtypes are supported (" + NpyDtype.supportedList() + ")");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new NcaException(source + " has a malformed .npy header: 'fortran_order' must be True or False,"
                    + " got " + dict.get("fortran_order"));
        }
        if (!(dict.get("shape") instanceof Tuple tuple)) {
            throw new NcaException(source + " has a malformed .npy header: 'shape' must be a tuple, got "
                    + dict.get("shape"));
        }
        long[] shape = new long[tuple.items().size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(tuple.items().get(i) instanceof Long d) || d < 0) {
                throw new NcaException(source + " has a malformed .npy header: shape entries must be non-negative"
                        + " integers, got " + tuple.items().get(i));
            }
            shape[i] = d;
        }
        return new NpyHeader(descr, fortran, shape);
    }

    /** A Python tuple (distinct from a list, which only appears in structured dtypes). */
    private record Tuple(List<Object> items) {
    }

    /** Recursive-descent parser of the Python literal subset; errors are IllegalArgumentException. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            if (c == '{') {
                return dict();
            } else if (c == '(' || c == '[') {
                List<Object> items = sequence(c == '(' ? ')' : ']');
                return c == '(' ? new Tuple(items) : items;
            } else if (c == '\'' || c == '"') {
                return string();
            } else if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            } else if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            } else if (Character.isDigit(c) || c == '-') {
                return integer();
            }
            throw error("unexpected character '" + c + "'");
        }

        private Map<String, Object> dict() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    return map;
                }
                Object key = value();
                if (!(key instanceof String k)) {
                    throw error("dictionary keys must be strings");
                }
                skipSpace();
                expect(':');
                if (map.put(k, value()) != null) {
                    throw error("duplicate key '" + k + "'");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> sequence(char close) {
            List<Object> items = new ArrayList<>();
            pos++;
            while (true) {
                skipSpace();
                if (peek() == close) {
                    pos++;
                    return items;
                }
                items.add(value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != close) {
                    throw error("expected ',' or '" + close + "'");
                }
            }
        }

        private String string() {
            char quote = s.charAt(pos++);
            int end = s.indexOf(quote, pos);
            if (end < 0) {
                throw error("unterminated string");
            }
            String v = s.substring(pos, end);
            pos = end + 1;
            return v;
        }

        private Long integer() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            String digits = s.substring(start, pos);
            if (pos < s.length() && s.charAt(pos) == 'L') {
                pos++; // Python 2 long suffix, found in files written by old NumPy versions
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw error("bad integer '" + digits + "'");
            }
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(pos);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + pos);
        }
    }
}
