package dev.rubric.engine.internal.compile;

import dev.rubric.api.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The limits a rule file must keep before any parser reads it, so that loading a rubric costs time in proportion to
 * its size: a file of at most {@value #MAX_BYTES} characters, and brackets nested at most {@value #MAX_DEPTH} deep
 * (the parsers recurse on nesting, and 20,000 nested parentheses would overflow their stack). One pass over the text;
 * brackets inside strings and comments count too, which errs only on the side of refusing an absurd file.
 */
public final class RuleTextLimits {

    /** The most characters a rule file may hold. */
    public static final int MAX_BYTES = 512 * 1024;
    /** The deepest nesting of brackets in a rule file. */
    public static final int MAX_DEPTH = 64;

    private RuleTextLimits() {
    }

    /** A problem for each rule file over a limit, at the place it passes it; none when every file keeps them. */
    public static List<Problem> check(Map<String, String> files) {
        List<Problem> problems = new ArrayList<>();
        files.forEach((path, text) -> {
            if (text.length() > MAX_BYTES) {
                problems.add(Problem.at(path, 0, 0, "the rule file has " + text.length() + " characters, more than the "
                        + MAX_BYTES + " a rule file may have; split it into several files"));
                return;
            }
            int depth = 0;
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    line++;
                    lineStart = i + 1;
                } else if (c == '(' || c == '[' || c == '{') {
                    if (++depth > MAX_DEPTH) {
                        problems.add(Problem.at(path, line, i - lineStart + 1, "brackets are nested more than " + MAX_DEPTH
                                + " deep here; write the expression in steps (a function, or several conditions)"));
                        return;
                    }
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
            }
        });
        return problems;
    }
}
