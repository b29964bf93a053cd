package dev.nca.runtime.recipe;

import dev.nca.api.NcaException;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Checks recipe text for what TOML4J 0.7.2 accepts silently or reports without a line: integers
 * beyond 64 bits and keys with no value ({@code key =} at the end of a line, which TOML4J drops).
 * It is a small lexer: it skips strings (basic, literal and multi-line) and comments, follows
 * arrays and inline tables across lines and looks at the bare tokens of values.
 */
public final class TomlPrescan {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9][0-9_]*");
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final String source;
    private String table = "";
    private String key = "";
    private boolean inValue;
    private int depth;
    private String multiline;

    private TomlPrescan(String source) {
        this.source = source;
    }

    /**
     * @param text   the TOML text
     * @param source the file name for messages
     * @throws NcaException naming the file, line, table, key and value of the first problem
     */
    public static void check(String text, String source) {
        TomlPrescan scan = new TomlPrescan(source);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            scan.line(lines[i], i + 1);
        }
    }

    private void line(String line, int number) {
        if (multiline == null && depth == 0) {
            inValue = false;
        }
        boolean startedValue = false;
        boolean sawValue = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (multiline != null) {
                int end = line.indexOf(multiline, i);
                if (end < 0) {
                    return;
                }
                i = end + 3;
                multiline = null;
                continue;
            }
            char c = line.charAt(i);
            if (c == '#') {
                break;
            }
            if (!inValue) {
                if (c == '[') {
                    table = headerOf(line);
                    return;
                }
                if (c == '"' || c == '\'') {
                    i = skipString(line, i);
                } else if (c == '=') {
                    key = line.substring(0, i).strip();
                    inValue = true;
                    startedValue = true;
                    i++;
                } else {
                    i++;
                }
                continue;
            }
            if (line.startsWith("\"\"\"", i) || line.startsWith("'''", i)) {
                multiline = line.substring(i, i + 3);
                sawValue = true;
                i += 3;
            } else if (c == '"' || c == '\'') {
                sawValue = true;
                i = skipString(line, i);
            } else if (c == '[' || c == '{') {
                sawValue = true;
                depth++;
                i++;
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
                i++;
            } else if (Character.isWhitespace(c) || c == ',' || c == '=') {
                i++;
            } else {
                int start = i;
                while (i < n && isTokenChar(line.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    i++;
                }
                sawValue = true;
                checkToken(line.substring(start, i), number);
            }
        }
        if (startedValue && !sawValue && multiline == null && depth == 0) {
            throw new NcaException(where(number) + ": key '" + key + "' has no value; allowed: a TOML value after '='");
        }
    }

    private void checkToken(String token, int number) {
        if (!INTEGER.matcher(token).matches()) {
            return;
        }
        BigInteger value = new BigInteger(token.replace("_", ""));
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            throw new NcaException(where(number) + ": key '" + key + "' has value " + token
                    + "; allowed: integers from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + " (64 bits)");
        }
    }

    private String where(int number) {
        return source + " line " + number + (table.isEmpty() ? "" : " [" + table + "]");
    }

    private static String headerOf(String line) {
        String s = line.strip();
        int comment = s.indexOf('#');
        if (comment >= 0) {
            s = s.substring(0, comment).strip();
        }
        while (s.startsWith("[")) {
            s = s.substring(1);
        }
        while (s.endsWith("]")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.strip();
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '+' || c == '-' || c == '.' || c == ':';
    }

    private static int skipString(String line, int start) {
        char quote = line.charAt(start);
        int i = start + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quote == '"' && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            i++;
        }
        return line.length();
    }
}
