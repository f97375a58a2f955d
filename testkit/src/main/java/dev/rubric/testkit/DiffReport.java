package dev.rubric.testkit;

import dev.rubric.api.RubricInfo;
import dev.rubric.api.Numbers;
import dev.rubric.engine.internal.text.DisplayWidth;

import java.math.BigDecimal;
import java.util.Objects;

/** The text of a {@link RubricDiff} a person reads: manifest and rule changes, each changed subject, a summary. */
final class DiffReport {

    private DiffReport() {
    }

    static String of(RubricDiff diff) {
        StringBuilder b = new StringBuilder();
        RubricInfo before = diff.before();
        RubricInfo after = diff.after();
        b.append("rubric ").append(before.id()).append(' ').append(before.version()).append(" (").append(shortDigest(before))
                .append(") -> ").append(after.id()).append(' ').append(after.version()).append(" (").append(shortDigest(after)).append(")\n\n");
        if (!diff.manifest().isEmpty()) {
            b.append("manifest changes:\n");
            diff.manifest().forEach(m -> b.append("  ").append(m).append('\n'));
        }
        b.append("rule changes:").append(diff.rules().isEmpty() ? " none\n" : "\n");
        for (RubricDiff.RuleChange c : diff.rules()) {
            b.append("  ").append(String.format("%-8s", c.kind())).append(' ').append(c.rule()).append("  ").append(c.detail()).append('\n');
        }
        b.append("\nsubjects:\n");
        b.append(String.format("  %-24s %9s %9s %7s  %-12s %s%n", "subject", "before", "after", "move", "grade", "rank"));
        long unchanged = 0;
        for (RubricDiff.SubjectChange s : diff.subjects()) {
            if (!s.changed()) {
                unchanged++;
                continue;
            }
            subject(b, s);
        }
        b.append(unchanged == diff.subjects().size() ? "  no subject changed\n" : unchanged > 0 ? "  (" + unchanged + " unchanged)\n" : "");
        b.append("\nsummary: ").append(diff.subjects().size()).append(" subjects; ")
                .append(diff.subjects().stream().filter(s -> s.move().signum() != 0).count())
                .append(" changed total, ").append(diff.changedGrade()).append(" changed grade, ").append(diff.movedUp()).append(" moved up, ")
                .append(diff.movedDown()).append(" moved down, ").append(diff.gainedVeto()).append(" gained a veto, ").append(diff.lostVeto())
                .append(" lost a veto; largest move ").append(plain(diff.largestMove()))
                .append(diff.largestMove().compareTo(BigDecimal.ONE) == 0 ? " point\n" : " points\n");
        return b.toString();
    }

    private static void subject(StringBuilder b, RubricDiff.SubjectChange s) {
        String name = (s.subject().name() == null ? "" : s.subject().name() + " ") + "(" + s.subject().id() + ")";
        String grade = Objects.equals(s.gradeBefore(), s.gradeAfter()) ? String.valueOf(s.gradeAfter())
                : s.gradeBefore() + " -> " + s.gradeAfter();
        String rank = s.rankBefore() == s.rankAfter() ? String.valueOf(s.rankAfter()) : s.rankBefore() + " -> " + s.rankAfter();
        b.append(String.format("  %s %9s %9s %7s  %s %s%n", DisplayWidth.padRight(name, 24), plain(s.totalBefore()), plain(s.totalAfter()),
                signed(s.move()), DisplayWidth.padRight(grade, 12), rank));
        if (s.vetoedBefore() != s.vetoedAfter()) {
            b.append("      ").append(s.vetoedAfter() ? "gained a veto" : "lost its veto").append('\n');
        }
        for (RubricDiff.ItemChange i : s.items()) {
            b.append("      ").append(i.before() == null ? "+ " : i.after() == null ? "- " : "~ ").append(i.rule()).append(": ")
                    .append(i.before() == null ? "new item " + signed(i.after()) : i.after() == null ? "item gone (was " + signed(i.before()) + ")"
                            : signed(i.before()) + " -> " + signed(i.after())).append('\n');
        }
    }

    private static String shortDigest(RubricInfo info) {
        return info.digest().substring(0, Math.min(19, info.digest().length()));
    }

    private static String plain(BigDecimal n) {
        return Numbers.plain(n); // one way to write a number: contract §6
    }

    private static String signed(BigDecimal n) {
        return n.signum() > 0 ? "+" + plain(n) : plain(n);
    }

}
