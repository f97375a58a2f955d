package dev.rubric.engine.internal.compile;

import dev.rubric.api.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places a problem the compilers report without a line (the executable model often does) at the line of a rule file
 * that holds the name the message is about: the method, type or member it names. A problem whose message names
 * nothing found in the files keeps its place.
 */
public final class Placement {

    private static final List<Pattern> NAMES = List.of(
            Pattern.compile("[Tt]he method (\\w+)\\("),
            Pattern.compile("Duplicate method (\\w+)\\("),
            Pattern.compile("\\[(?:new )?[\\w.$]*?([\\w$]+)\\("),
            Pattern.compile("([\\w$]+) cannot be resolved"),
            Pattern.compile("redeclaration of type ([\\w$]+)"),
            Pattern.compile("from the type ([\\w$]+)"),
            Pattern.compile("for the type ([\\w$]+)"),
            Pattern.compile("([\\w$.]+?)(?:\\.[\\w$]+)*\\(\\)(?:\\.[\\w$]+\\(\\))* is not NameExpr"),
            Pattern.compile("Found\\s+\"([^\"]+)\""),
            Pattern.compile("Cannot cast from [\\w$]+ to ([\\w$]+)"),
            Pattern.compile("Unhandled exception type ([\\w$]+)"),
            Pattern.compile("\\[([\\w$.]+)\\]"));

    private Placement() {
    }

    /** The problems, each without a line placed where the rule files name what it is about, when they do. */
    public static List<Problem> placed(List<Problem> problems, Map<String, String> files) {
        List<Problem> out = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            out.add(p.file() != null && p.line() > 0 || p.pointer() != null ? p : place(p, files));
        }
        return out;
    }

    private static Problem place(Problem p, Map<String, String> files) {
        if (p.message().contains("String literal is not properly closed") || p.message().contains("Lexical error")) {
            Problem at = first(p, files, Pattern.compile("\\\\u+[0-9a-fA-F]{4}|\"[^\"\\n]*\\n"));
            if (at != null) {
                return at;
            }
        }
        if (p.message().contains("$deserializeLambda$")) {
            Problem at = first(p, files, Pattern.compile("(?m)^\\s*query\\b"));
            if (at != null) {
                return at;
            }
        }
        for (Pattern names : NAMES) {
            Matcher m = names.matcher(p.message());
            while (m.find()) {
                String name = m.group(1);
                if (name == null || name.length() < 2) {
                    continue;
                }
                String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
                Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(simple) + "(?![\\w$])");
                List<Map.Entry<String, String>> order = new ArrayList<>(files.entrySet());
                order.sort((a, b) -> Boolean.compare(!a.getKey().equals(p.file()), !b.getKey().equals(p.file())));
                for (Map.Entry<String, String> f : order) {
                    Matcher at = word.matcher(f.getValue());
                    boolean found = false;
                    while (at.find()) {
                        int lineStart = f.getValue().lastIndexOf('\n', at.start()) + 1;
                        if (!f.getValue().substring(lineStart, at.start()).strip().startsWith("//")) {
                            found = true;
                            break;
                        }
                    }
                    if (found) {
                        int[] place = RuleText.at(f.getValue(), at.start());
                        return Problem.at(f.getKey(), place[0], place[1], p.message());
                    }
                }
            }
        }
        if (p.message().contains("dialect") || p.message().contains("MVEL") || p.message().contains("mvel")
                || p.message().contains("ParseProblemException") || p.message().contains("TypedExpression")) {
            Problem at = first(p, files, Pattern.compile("(?m)dialect\\s+\"mvel\""));
            if (at != null) {
                return at;
            }
        }
        // the compiler did not say where: at the first rule of the file it names (or of the only file), said as such
        Problem at = first(p, files.size() == 1 || p.file() != null ? files : Map.of(), Pattern.compile("(?m)^\\s*rule\\b"));
        return at == null ? p : Problem.at(at.file(), at.line(), at.column(), p.message()
                + " (the compiler gives no line; this is the first rule of the file)");
    }

    /** The problem at the first match of a pattern, in the problem's own file first; null when nothing matches. */
    private static Problem first(Problem p, Map<String, String> files, Pattern pattern) {
        List<Map.Entry<String, String>> order = new ArrayList<>(files.entrySet());
        order.sort((a, b) -> Boolean.compare(!a.getKey().equals(p.file()), !b.getKey().equals(p.file())));
        for (Map.Entry<String, String> f : order) {
            if (p.file() != null && !f.getKey().equals(p.file()) && files.containsKey(p.file())) {
                continue;
            }
            int[] at = RuleText.find(f.getValue(), pattern);
            if (at[0] > 0) {
                return Problem.at(f.getKey(), at[0], at[1], p.message());
            }
        }
        return null;
    }
}
