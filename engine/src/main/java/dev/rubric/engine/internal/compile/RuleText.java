package dev.rubric.engine.internal.compile;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rule files' text: parses it as Drools' editor does, and finds places in it (the line and column of an offset,
 * of a snippet or of a pattern, in one file or the first of several, and the lines of a rule from its {@code rule} line
 * to its {@code end}). Shared by the rule index, restricted mode's checks and verdict, the compiler's messages and
 * their placement, so every problem counts lines and columns one way: from 1, a line ending at {@code \n}.
 */
public final class RuleText {

    private RuleText() {
    }

    /** A place in the rule files: the file's path, and line and column from 1. */
    public record Place(String file, int line, int column) {
    }

    /**
     * A rule file parsed in the editor's mode, which recovers from syntax errors so the rules that do parse can be read.
     *
     * @param descr    what was parsed
     * @param complete whether the parser met no error (a half-parsed file can mislead a check that needs every rule)
     */
    public record Parsed(PackageDescr descr, boolean complete) {
    }

    /** The file's text parsed, or null when the parser gives up on it (the compiler then reports the file's problem). */
    public static Parsed parse(String text) {
        DrlParser parser = new DrlParser();
        PackageDescr descr;
        try {
            descr = parser.parse(true, text);
        } catch (DroolsParserException | RuntimeException | StackOverflowError e) {
            return null; // the compiler parses the file again and reports why it cannot
        }
        return descr == null ? null : new Parsed(descr, !parser.hasErrors());
    }

    /** The line and column (from 1) of {@code offset} in {@code text}, as {@code {line, column}}. */
    public static int[] at(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    /** The line and column where {@code snippet} first appears in {@code text}, or {@code {0, 0}} (also for null text). */
    public static int[] find(String text, String snippet) {
        int at = text == null || snippet.isEmpty() ? -1 : text.indexOf(snippet);
        return at < 0 ? new int[] {0, 0} : at(text, at);
    }

    /** The line and column where {@code pattern} first matches in {@code text}, or {@code {0, 0}} (also for null text). */
    public static int[] find(String text, Pattern pattern) {
        if (text == null) {
            return new int[] {0, 0};
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? at(text, m.start()) : new int[] {0, 0};
    }

    /**
     * The first match of {@code pattern} in the files, in their order, at the first character of the match that is not
     * white space; null when no file matches.
     */
    public static Place first(Map<String, String> files, Pattern pattern) {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Matcher m = pattern.matcher(f.getValue());
            if (m.find()) {
                int start = m.start() + (m.group().length() - m.group().stripLeading().length());
                int[] at = at(f.getValue(), start);
                return new Place(f.getKey(), at[0], at[1]);
            }
        }
        return null;
    }

    /** The text's lines, without their line ends; a text ending in {@code \n} has an empty last line. */
    public static String[] lines(String text) {
        return text.split("\n", -1);
    }

    /**
     * The lines of the rule whose {@code rule} line is {@code line} (from 1), up to and including its {@code end} line or
     * the end of the text; empty when the line is outside the text.
     */
    public static List<String> rule(String text, int line) {
        String[] lines = lines(text);
        List<String> out = new ArrayList<>();
        for (int n = Math.max(0, line - 1); n < lines.length && line > 0; n++) {
            out.add(lines[n]);
            if (n > line - 1 && lines[n].strip().equals("end")) {
                break;
            }
        }
        return out;
    }
}
