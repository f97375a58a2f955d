package dev.rubric.engine.internal.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * The rubric's own wording of a rule (its clause, 评分条款): the first paragraph of the {@code //} comment directly
 * above the rule's {@code rule} line. A rule file quotes the clause it encodes there; an empty comment line ends the
 * clause, so notes for the rule's authors may follow it without reaching the reports.
 *
 * <pre>
 * // A1 目标任务到期未完成的，每项扣2分，最多扣10分。
 * //
 * // Tasks adjusted with approval are not counted.
 * rule "A1 目标任务逾期未完成"
 * </pre>
 *
 * <p>gives the clause {@code 目标任务到期未完成的，每项扣2分，最多扣10分。}: the rule's id, when the clause begins with
 * it (followed by a space, a colon or {@code 、}), is left out (reports show it already).
 */
public final class RuleClause {

    /** What may follow the rule's id at the start of its clause: a space, or a colon or enumeration mark. */
    private static final String AFTER_ID = " \t:：.、";

    private RuleClause() {
    }

    /**
     * The clause above a rule.
     *
     * @param text     the rule file's text; never null
     * @param ruleLine the line of the rule's {@code rule} keyword, from 1
     * @param id       the rule's id, left out where the clause begins with it; may be null
     * @return the clause, or null when the rule has no comment directly above it
     */
    public static String above(String text, int ruleLine, String id) {
        if (ruleLine < 2) {
            return null;
        }
        List<String> lines = text.lines().limit(ruleLine - 1L).toList();
        int first = lines.size();
        while (first > 0 && lines.get(first - 1).strip().startsWith("//")) {
            first--;
        }
        List<String> paragraph = new ArrayList<>();
        for (String line : lines.subList(first, lines.size())) {
            String words = line.strip().substring(2).strip();
            if (words.isEmpty()) {
                if (paragraph.isEmpty()) {
                    continue;
                }
                break;
            }
            paragraph.add(words);
        }
        if (paragraph.isEmpty()) {
            return null;
        }
        StringBuilder clause = new StringBuilder(paragraph.get(0));
        for (String next : paragraph.subList(1, paragraph.size())) {
            char end = clause.charAt(clause.length() - 1);
            if (isLatinOrDigit(end) && isLatinOrDigit(next.charAt(0))) {
                clause.append(' ');
            }
            clause.append(next);
        }
        String result = clause.toString();
        if (id != null && !id.isEmpty() && result.startsWith(id) && result.length() > id.length()
                && AFTER_ID.indexOf(result.charAt(id.length())) >= 0) {
            result = result.substring(id.length() + 1).strip();
        }
        return result;
    }

    private static boolean isLatinOrDigit(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c) || c == ',' || c == '.' || c == ';' || c == ':' || c == ')';
    }
}
