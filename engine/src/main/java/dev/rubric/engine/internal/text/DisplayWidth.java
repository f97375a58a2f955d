package dev.rubric.engine.internal.text;

/** The width of text in a terminal's columns, where CJK and full-width characters take two, for aligned plain-text tables. */
public final class DisplayWidth {

    private DisplayWidth() {
    }

    /** How many columns {@code s} takes. */
    public static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    /** {@code s} followed by spaces up to {@code width} columns. */
    public static String padRight(String s, int width) {
        return s + " ".repeat(Math.max(0, width - of(s)));
    }

    /** {@code s} after spaces up to {@code width} columns. */
    public static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - of(s))) + s;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
