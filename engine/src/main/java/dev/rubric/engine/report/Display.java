package dev.rubric.engine.report;

import dev.rubric.api.Evidence;
import dev.rubric.engine.json.ResultJson;

import java.math.BigDecimal;
import java.util.Map;
import java.util.StringJoiner;

/** Formatting shared by the text and Markdown reports: numbers, evidence, and column widths of CJK text. */
final class Display {

    private static final int MAX_EVIDENCE = 160;

    private Display() {
    }

    static String number(BigDecimal n) {
        return ResultJson.plain(n);
    }

    static String signed(BigDecimal n) {
        String p = number(n);
        return n.signum() > 0 ? "+" + p : p;
    }

    /** A fact reference as a person reads it: type, id, and the values that were set. */
    static String evidence(Evidence e) {
        StringBuilder b = new StringBuilder(e.type());
        if (e.id() != null) {
            b.append(' ').append(e.id());
        }
        StringJoiner values = new StringJoiner(", ", " (", ")").setEmptyValue("");
        for (Map.Entry<String, Object> p : e.properties().entrySet()) {
            if (p.getValue() != null && !p.getKey().equals("id")) {
                Object v = p.getValue();
                values.add(p.getKey() + "=" + (v instanceof BigDecimal d ? number(d) : v));
            }
        }
        b.append(values);
        return b.length() > MAX_EVIDENCE ? b.substring(0, MAX_EVIDENCE - 1) + "…" : b.toString();
    }

    /** The width of text in a terminal: CJK and full-width characters take two columns. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    static String padRight(String s, int width) {
        return s + " ".repeat(Math.max(0, width - width(s)));
    }

    static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - width(s))) + s;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
