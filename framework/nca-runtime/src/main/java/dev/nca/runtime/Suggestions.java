package dev.nca.runtime;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean ...?" help for misspelt names: finds the known name closest to an unknown one by
 * Levenshtein distance.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The known name closest to {@code unknown}, if it is close enough to be a plausible typo: at
     * most 2 edits, and fewer edits than half the length of the unknown name (rounded up).
     *
     * @param unknown the name the user wrote
     * @param known   the names that exist
     * @return the suggestion, or empty when nothing is close
     */
    public static Optional<String> closest(String unknown, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(unknown, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int limit = Math.min(2, (unknown.length() + 1) / 2);
        return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /**
     * A suffix for error messages: {@code " (did you mean 'x'?)"} or the empty string.
     *
     * @param unknown the name the user wrote
     * @param known   the names that exist
     * @param quote   the quote characters to put around the suggestion, e.g. {@code "'"}
     */
    public static String didYouMean(String unknown, Collection<String> known, String quote) {
        return closest(unknown, known).map(s -> " (did you mean " + quote + s + quote + "?)").orElse("");
    }

    /** The Levenshtein edit distance (insertions, deletions, substitutions) between two strings. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
