package dev.nca.plugins.dataset.image.sequence;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * "Natural" order of file names: the names are compared from the left; where both have a run of
 * decimal digits, the runs compare by numeric value ({@code frame2 < frame10}, {@code 007 = 7});
 * other characters compare one by one, ignoring case ({@code frame.png < frame1.png}, because
 * {@code '.' < '1'}); a name that is a prefix of the other comes first. Names equal under these
 * rules (e.g. {@code a7} and {@code a007}, or {@code A} and {@code a}) are ordered by plain
 * {@link String#compareTo}, so the order is total.
 */
final class NaturalOrder implements Comparator<String> {

    static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ei = endOfDigits(a, i);
                int ej = endOfDigits(b, j);
                int c = new BigInteger(a.substring(i, ei)).compareTo(new BigInteger(b.substring(j, ej)));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                int c = Character.compare(fold(ca), fold(cb));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int endOfDigits(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static char fold(char ch) {
        return Character.toLowerCase(Character.toUpperCase(ch));
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }
}
