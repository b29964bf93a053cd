package dev.nca.runtime.recipe;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes as recipes and the command line write them: a number with an optional binary
 * unit, {@code "512m"}, {@code "2g"}, {@code "1.5GiB"}, {@code "65536"} (bytes), or
 * {@code "unlimited"} (0).
 */
public final class MemorySize {

    /** The accepted spellings (case-insensitive). */
    public static final Pattern PATTERN =
            Pattern.compile("(?i)unlimited|([0-9]+(?:\\.[0-9]+)?)\\s*([kmgt]?)(?:i?b)?");
    /** What {@link #PATTERN} accepts, for error messages. */
    public static final String TEXT = "a size such as \"512m\", \"2g\" or \"1.5GiB\", or \"unlimited\"";

    private MemorySize() {
    }

    /**
     * Bytes of a size, 0 for {@code "unlimited"}.
     *
     * @throws IllegalArgumentException when the text is not a size ({@link #TEXT}) or is 0 bytes
     */
    public static long parse(String text) {
        Matcher m = PATTERN.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not " + TEXT);
        }
        if (m.group(1) == null) {
            return 0;
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        double bytes = Double.parseDouble(m.group(1)) * (1L << shift);
        if (bytes < 1 || bytes > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("\"" + text + "\" is not " + TEXT + " between 1 byte and 4 EiB");
        }
        return (long) bytes;
    }
}
