package dev.rubric.api;

/**
 * One thing wrong with a rubric or a facts file, with the place a person should look.
 *
 * @param file    the file, relative to the rubric folder or as given, or null when none applies
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param pointer a JSON pointer into a facts file (such as {@code /0/facts/1/hygiene}), or null
 * @param message what is wrong and what to do, in plain words; never null
 */
public record Problem(String file, int line, int column, String pointer, String message) {

    /** A problem at a place in a file. */
    public static Problem at(String file, int line, int column, String message) {
        return new Problem(file, line, column, null, message);
    }

    /** A problem at a JSON pointer of a facts file. */
    public static Problem atPointer(String file, String pointer, String message) {
        return new Problem(file, 0, 0, pointer, message);
    }

    /** Where the problem is, as {@code file:line:column}, {@code file#pointer} or an empty string. */
    public String where() {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(file);
            if (line > 0) {
                b.append(':').append(line);
                if (column > 0) {
                    b.append(':').append(column);
                }
            }
        }
        if (pointer != null) {
            b.append(b.length() > 0 ? " at " : "").append(pointer.isEmpty() ? "/" : pointer);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        String w = where();
        return w.isEmpty() ? message : w + ": " + message;
    }
}
