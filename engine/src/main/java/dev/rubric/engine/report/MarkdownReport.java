package dev.rubric.engine.report;

import dev.rubric.api.CategoryScore;
import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Manifest;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.ScoreItem;
import dev.rubric.engine.scoring.Wording;

import java.util.stream.Collectors;

/** Renders results as a Markdown report a person pastes into a document: ranking table, then one section per subject. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(CohortResult result, Manifest manifest) {
        Labels l = Labels.of(Wording.isChinese(manifest));
        RubricInfo r = result.rubric();
        StringBuilder b = new StringBuilder();
        b.append("# ").append(r.name() != null ? r.name() : r.id());
        if (r.version() != null) {
            b.append(" (").append(r.version()).append(')');
        }
        b.append("\n\n`").append(r.digest()).append("` · ").append(l.cohortOf()).append(": ").append(result.results().size());
        String period = l.period(result.results().isEmpty() ? null : result.results().get(0).period());
        b.append(period.isEmpty() ? "" : " · " + period).append("\n\n");
        b.append("| ").append(l.rank()).append(" | ").append(l.subject()).append(" | ").append(l.total()).append(" | ")
                .append(l.grade()).append(" | ").append(l.vetoed()).append(" |\n|---:|---|---:|---|---|\n");
        for (Evaluation e : result.results()) {
            b.append("| ").append(e.rank() == null ? "" : e.rank()).append(" | ").append(cell(name(e))).append(" | ")
                    .append(Display.number(e.total())).append(" | ").append(e.grade() == null ? l.noGrade() : e.grade()).append(" | ")
                    .append(e.vetoed() ? l.yes() : "").append(" |\n");
        }
        for (Evaluation e : result.results()) {
            b.append("\n## ");
            if (e.rank() != null) {
                b.append(e.rank()).append(". ");
            }
            b.append(name(e)).append(" — ").append(Display.number(e.total())).append(", ")
                    .append(e.grade() == null ? l.noGrade() : e.grade()).append("\n\n");
            b.append("| ").append(l.categories()).append(" | ").append(l.points()).append(" |\n|---|---:|\n");
            for (CategoryScore c : e.categories()) {
                b.append("| ").append(cell(c.name())).append(" | ").append(Display.number(c.score())).append(" / ")
                        .append(Display.number(c.max())).append(" |\n");
            }
            if (e.items().isEmpty()) {
                b.append("\n").append(l.noItems()).append("\n");
                continue;
            }
            b.append("\n| ").append(l.item()).append(" | ").append(l.kindWord()).append(" | ").append(l.points()).append(" | ")
                    .append(l.reason()).append(" | ").append(l.evidence()).append(" | ").append(l.source()).append(" |\n")
                    .append("|---|---|---:|---|---|---|\n");
            for (ScoreItem i : e.items()) {
                b.append("| ").append(i.rule() == null ? "" : cell(i.rule())).append(" | ").append(l.kind(i.kind())).append(" | ")
                        .append(Display.signed(i.points())).append(" | ").append(cell(i.reason())).append(" | ")
                        .append(cell(i.evidence().stream().map(ev -> Display.evidence(ev, l == Labels.CHINESE)).collect(Collectors.joining("; ")))).append(" | ")
                        .append(i.source() == null ? "" : "`" + i.source() + "`").append(" |\n");
            }
        }
        return b.toString();
    }

    private static String name(Evaluation e) {
        return (e.subject().name() != null ? e.subject().name() + " " : "") + "(" + e.subject().id() + ")";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
