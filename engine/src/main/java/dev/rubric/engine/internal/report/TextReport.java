package dev.rubric.engine.internal.report;

import dev.rubric.api.CategoryScore;
import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.ScoreItem;
import dev.rubric.engine.internal.scoring.Wording;
import dev.rubric.engine.internal.text.DisplayWidth;
import dev.rubric.engine.internal.text.Han;

import java.util.List;

/**
 * Renders results as plain text for a terminal: a ranking table, then each subject's itemized
 * explanation (category scores, every item with its reason, evidence and source), in the rubric's language.
 */
public final class TextReport {

    private TextReport() {
    }

    /** A cohort: the ranking, then each subject in rank order. */
    public static String render(CohortResult result, Manifest manifest) {
        Labels l = Labels.of(Wording.isChinese(manifest));
        StringBuilder b = new StringBuilder();
        header(b, result.rubric());
        b.append(l.cohortOf()).append(": ").append(result.results().size()).append('\n');
        String period = l.period(result.results().isEmpty() ? null : result.results().get(0).period());
        b.append(period.isEmpty() ? "" : period + "\n").append('\n');
        ranking(b, result.results(), l);
        for (Evaluation e : result.results()) {
            b.append('\n');
            explain(b, e, l);
        }
        return b.toString();
    }

    /** One subject's explanation, in the language its category names are written in. */
    public static String explain(Evaluation e) {
        boolean chinese = e.categories().stream().anyMatch(c -> Han.in(c.name()));
        StringBuilder b = new StringBuilder();
        explain(b, e, Labels.of(chinese));
        return b.toString();
    }

    /** One subject's explanation, as an assertion failure or a log line shows it. */
    public static String explain(Evaluation e, Manifest manifest) {
        StringBuilder b = new StringBuilder();
        explain(b, e, Labels.of(Wording.isChinese(manifest)));
        return b.toString();
    }

    private static void header(StringBuilder b, RubricInfo r) {
        b.append(r.name() != null ? r.name() : r.id());
        if (r.version() != null) {
            b.append("  ").append(r.version());
        }
        b.append("  ").append(r.digest(), 0, Math.min(r.digest().length(), 19)).append('\n');
    }

    private static void ranking(StringBuilder b, List<Evaluation> results, Labels l) {
        int nameWidth = DisplayWidth.of(l.subject());
        for (Evaluation e : results) {
            nameWidth = Math.max(nameWidth, DisplayWidth.of(subject(e)));
        }
        b.append(DisplayWidth.padLeft(l.rank(), 4)).append("  ").append(DisplayWidth.padRight(l.subject(), nameWidth)).append("  ")
                .append(DisplayWidth.padLeft(l.total(), 7)).append("  ").append(l.grade()).append('\n');
        for (Evaluation e : results) {
            b.append(DisplayWidth.padLeft(e.rank() == null ? "-" : String.valueOf(e.rank()), 4)).append("  ")
                    .append(DisplayWidth.padRight(subject(e), nameWidth)).append("  ")
                    .append(DisplayWidth.padLeft(Display.number(e.total()), 7)).append("  ")
                    .append(e.grade() == null ? l.noGrade() : e.grade());
            if (e.vetoed()) {
                b.append("  (").append(l.kind(ItemKind.VETO)).append(')');
            }
            if (e.items().stream().anyMatch(i -> i.kind() == ItemKind.QUOTA)) {
                b.append("  (").append(l.kind(ItemKind.QUOTA)).append(')');
            }
            b.append('\n');
        }
    }

    private static String subject(Evaluation e) {
        return (e.subject().name() != null ? e.subject().name() + " " : "") + "(" + e.subject().id() + ")";
    }

    private static void explain(StringBuilder b, Evaluation e, Labels l) {
        b.append("── ");
        if (e.rank() != null) {
            b.append(l.rank()).append(' ').append(e.rank()).append("  ");
        }
        b.append(subject(e)).append("  ").append(l.total()).append(' ').append(Display.number(e.total()))
                .append("  ").append(l.grade()).append(' ').append(e.grade() == null ? l.noGrade() : e.grade());
        if (e.vetoed() && e.totalBeforeVeto().compareTo(e.total()) != 0) {
            b.append("  (").append(l.beforeVeto()).append(' ').append(Display.number(e.totalBeforeVeto())).append(')');
        }
        b.append('\n');
        b.append("   ").append(l.base()).append(' ').append(Display.number(e.base()));
        for (CategoryScore c : e.categories()) {
            b.append(" · ").append(c.name()).append(' ').append(Display.number(c.score())).append('/').append(Display.number(c.max()));
        }
        b.append('\n');
        if (e.items().isEmpty()) {
            b.append("   ").append(l.noItems()).append('\n');
        }
        for (ScoreItem i : e.items()) {
            b.append("   ").append(DisplayWidth.padRight(l.kind(i.kind()), 8)).append(DisplayWidth.padLeft(Display.signed(i.points()), 7)).append("  ");
            if (i.rule() != null) {
                b.append('[').append(i.rule()).append("] ");
            }
            b.append(i.reason());
            if (i.source() != null) {
                b.append("  ").append(i.source());
            }
            b.append('\n');
            for (Evidence ev : i.evidence()) {
                b.append("   ").append(" ".repeat(17)).append(l.evidence()).append(": ").append(Display.evidence(ev, l == Labels.CHINESE)).append('\n');
            }
        }
    }
}
