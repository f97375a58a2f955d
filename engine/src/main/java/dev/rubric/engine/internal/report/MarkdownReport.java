package dev.rubric.engine.internal.report;

import dev.rubric.api.CategoryScore;
import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Manifest;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreItem;
import dev.rubric.engine.internal.scoring.Wording;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders results as a Markdown report an assessment office publishes (考评结果通报): a title with the period, the
 * units by grade (the best grade's list is the commendation list), the ranking table, then each unit with its
 * category scores and items, each item by its name with the rule's {@code file:line} kept for the rubric's authors.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** A report without a named period, showing each item's rule file and line rather than its clause. */
    public static String render(CohortResult result, Manifest manifest) {
        return render(result, manifest, null, List.of());
    }

    /**
     * A report of {@code result}. An item whose rule has a clause shows the clause; where the clause is written (rule
     * file and line) is listed once, in an appendix for the rubric's authors. An item without one shows its source.
     *
     * @param period the name of the assessment period, such as {@code 2026年度}, for the title; null when none is named
     * @param rules  the rubric's rules, for their clauses; empty to show sources instead
     */
    public static String render(CohortResult result, Manifest manifest, String period, List<RubricRule> rules) {
        Labels l = Labels.of(Wording.isChinese(manifest));
        Map<String, RubricRule> byId = Report.byId(rules);
        RubricInfo r = result.rubric();
        StringBuilder b = new StringBuilder();
        b.append("# ").append(Report.title(r, period, l)).append("\n\n");
        b.append(l.cohortOf()).append(": ").append(result.results().size());
        if (r.version() != null) {
            b.append(" · ").append(r.id()).append(' ').append(r.version());
        }
        String periodLine = l.period(result.results().isEmpty() ? null : result.results().get(0).period());
        b.append(periodLine.isEmpty() ? "" : " · " + periodLine);
        b.append(" · `").append(r.digest()).append("`\n\n");

        b.append("## ").append(l.byGrade()).append("\n\n");
        for (Report.GradeGroup g : Report.byGrade(result, manifest, l)) {
            b.append("- **").append(g.grade()).append("**（").append(g.units().size()).append("）：")
                    .append(g.units().isEmpty() ? "—" : g.units().stream().map(MarkdownReport::name).collect(Collectors.joining("、")))
                    .append('\n');
        }
        if (!manifest.grades().isEmpty()) {
            b.append('\n').append(l.commendation().replace("{grade}", manifest.grades().get(0).id())).append('\n');
        }

        b.append("\n## ").append(l.ranking()).append("\n\n");
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
            b.append(name(e)).append(" — ").append(Display.number(e.total())).append(l.pointsUnit()).append("，")
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
            b.append("\n| ").append(l.item()).append(" | ").append(l.points()).append(" | ").append(l.reason()).append(" | ")
                    .append(l.evidence()).append(" |\n").append("|---|---:|---|---|\n");
            for (ScoreItem i : e.items()) {
                String clause = Report.clause(i, byId);
                b.append("| ").append(cell(Report.itemName(i, l)))
                        .append(clause != null ? "<br><sub>" + cell(clause) + "</sub>" : i.source() == null ? "" : " <sub>`" + i.source() + "`</sub>")
                        .append(" | ").append(Display.signed(i.points())).append(" | ").append(cell(i.reason())).append(" | ")
                        .append(cell(evidence(i, l))).append(" |\n");
            }
        }
        List<RubricRule> cited = Report.cited(result, byId);
        if (!cited.isEmpty()) {
            b.append("\n## ").append(l.sources()).append("\n\n").append(l.sourcesNote()).append("\n\n| ").append(l.item()).append(" | ")
                    .append(l.ruleFile()).append(" |\n|---|---|\n");
            for (RubricRule rule : cited) {
                b.append("| ").append(cell(rule.name().startsWith(rule.id()) ? rule.name() : rule.id() + " " + rule.name())).append(" | `")
                        .append(rule.source()).append("` |\n");
            }
        }
        return b.toString();
    }

    private static String evidence(ScoreItem i, Labels l) {
        List<String> lines = i.evidence().stream().map(ev -> Display.evidence(ev, l == Labels.CHINESE)).toList();
        return String.join("；", lines);
    }

    private static String name(Evaluation e) {
        return e.subject().name() != null ? e.subject().name() : e.subject().id();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
