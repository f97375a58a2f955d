package dev.rubric.engine.internal.table;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * DRL text written from a table, remembering for each line the cell it came from, so that whatever the
 * compiler says about a line can be said about the cell a person typed.
 */
final class GeneratedDrl {

    private final StringBuilder text = new StringBuilder();
    private final NavigableMap<Integer, String> cellOfLine = new TreeMap<>();
    private final List<String> lines = new ArrayList<>();
    private int line = 1;

    /** Appends one line that came from {@code cell} (null for lines of no cell). */
    GeneratedDrl line(String cell, String code) {
        for (String l : code.split("\n", -1)) {
            text.append(l).append('\n');
            lines.add(l);
            if (cell != null) {
                cellOfLine.put(line, cell);
            }
            line++;
        }
        return this;
    }

    /** The line the next {@link #line} call writes. */
    int nextLine() {
        return line;
    }

    String text() {
        return text.toString();
    }

    NavigableMap<Integer, String> cellOfLine() {
        return cellOfLine;
    }

    /** A Java string literal of {@code s}. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
