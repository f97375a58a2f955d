package dev.rubric.engine.internal.report;

import dev.rubric.api.CategoryScore;
import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Evidence;
import dev.rubric.api.Manifest;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreItem;
import dev.rubric.engine.internal.scoring.Wording;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Renders results as one self-contained HTML page (考评结果通报): no script, no font, image or style sheet fetched
 * from anywhere, so it opens offline, reads on a phone and prints on A4.
 *
 * <p>The page has the title and period, the units by grade, a bar chart of every unit's total coloured by grade
 * (inline SVG), the ranking table, then one section per unit with its category scores drawn against their maxima
 * and its items with reasons and evidence. Text is escaped; Chinese renders with the system's CJK fonts.
 */
public final class HtmlReport {

    /** Bar colours of the grades, best first; grades beyond them take the last. */
    private static final String[] GRADE_COLOURS = {"#1a7f37", "#2f6fb0", "#b8860b", "#b42318"};
    private static final String NO_GRADE_COLOUR = "#6b7280";

    private HtmlReport() {
    }

    /** The page for {@code result}, showing each item's rule file and line rather than its clause. */
    public static String render(CohortResult result, Manifest manifest, String period) {
        return render(result, manifest, period, List.of());
    }

    /**
     * The page for {@code result}. An item whose rule has a clause shows the clause, with its rule file and line in
     * small print for the rubric's authors.
     *
     * @param period the name of the assessment period, such as {@code 2026年度}, for the title; null when none is named
     * @param rules  the rubric's rules, for their clauses; empty to show sources alone
     */
    public static String render(CohortResult result, Manifest manifest, String period, List<RubricRule> rules) {
        Labels l = Labels.of(Wording.isChinese(manifest));
        Map<String, RubricRule> byId = Report.byId(rules);
        RubricInfo r = result.rubric();
        String title = Report.title(r, period, l);
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(l == Labels.CHINESE ? "zh-CN" : "en").append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        b.append("<header><h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">").append(esc(l.cohortOf())).append(' ')
                .append(result.results().size());
        if (r.version() != null) {
            b.append(" · ").append(esc(r.id())).append(' ').append(esc(r.version()));
        }
        b.append(" · <code>").append(esc(r.digest())).append("</code></p></header>\n");

        b.append("<section id=\"grades\"><h2>").append(esc(l.byGrade())).append("</h2>\n<dl class=\"grades\">\n");
        List<Report.GradeGroup> groups = Report.byGrade(result, manifest, l);
        for (Report.GradeGroup g : groups) {
            b.append("<dt><span class=\"swatch\" style=\"background:").append(colour(manifest, g.grade())).append("\"></span>")
                    .append(esc(g.grade())).append("（").append(g.units().size()).append("）</dt><dd>");
            if (g.units().isEmpty()) {
                b.append("—");
            }
            for (int i = 0; i < g.units().size(); i++) {
                b.append(i == 0 ? "" : "、").append("<a href=\"#u-").append(esc(g.units().get(i).subject().id())).append("\">")
                        .append(esc(name(g.units().get(i)))).append("</a>");
            }
            b.append("</dd>\n");
        }
        b.append("</dl>\n");
        if (!manifest.grades().isEmpty()) {
            b.append("<p>").append(esc(l.commendation().replace("{grade}", manifest.grades().get(0).id()))).append("</p>\n");
        }
        b.append("</section>\n");

        b.append("<section id=\"chart\"><h2>").append(esc(l.chartTitle())).append("</h2>\n");
        chart(b, result, manifest);
        b.append("</section>\n");

        b.append("<section id=\"ranking\"><h2>").append(esc(l.ranking())).append("</h2>\n<table class=\"ranking\"><thead><tr><th>")
                .append(esc(l.rank())).append("</th><th>").append(esc(l.subject())).append("</th><th>").append(esc(l.total()))
                .append("</th><th>").append(esc(l.grade())).append("</th></tr></thead><tbody>\n");
        for (Evaluation e : result.results()) {
            b.append("<tr").append(e.vetoed() ? " class=\"vetoed\"" : "").append("><td>").append(e.rank() == null ? "" : e.rank())
                    .append("</td><td><a href=\"#u-").append(esc(e.subject().id())).append("\">").append(esc(name(e))).append("</a>")
                    .append(e.vetoed() ? " <span class=\"tag\">" + esc(l.kind(dev.rubric.api.ItemKind.VETO)) + "</span>" : "")
                    .append("</td><td class=\"num\">").append(Display.number(e.total())).append("</td><td>")
                    .append(esc(grade(e, l))).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n</section>\n");

        for (Evaluation e : result.results()) {
            unit(b, e, manifest, l, byId);
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    /** One horizontal bar per unit in rank order, its length the total against the cohort's highest possible. */
    private static void chart(StringBuilder b, CohortResult result, Manifest manifest) {
        List<Evaluation> units = result.results();
        BigDecimal top = manifest.categories().stream().map(Manifest.Category::max).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Evaluation e : units) {
            top = top.max(e.total());
        }
        int row = 22;
        int labelWidth = 130;
        int barWidth = 440;
        int height = units.size() * row + 10;
        b.append("<svg class=\"chart\" viewBox=\"0 0 ").append(labelWidth + barWidth + 60).append(' ').append(height)
                .append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (int i = 0; i < units.size(); i++) {
            Evaluation e = units.get(i);
            int y = 5 + i * row;
            long w = top.signum() <= 0 ? 0 : e.total().max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(barWidth))
                    .divide(top, 0, RoundingMode.HALF_UP).longValue();
            b.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\">")
                    .append(esc(name(e))).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
                    .append("\" height=\"").append(row - 6).append("\" fill=\"").append(colour(manifest, e.grade())).append("\"><title>")
                    .append(esc(name(e) + " " + Display.number(e.total()) + " " + (e.grade() == null ? "" : e.grade())))
                    .append("</title></rect>")
                    .append("<text x=\"").append(labelWidth + w + 4).append("\" y=\"").append(y + 15).append("\">")
                    .append(Display.number(e.total())).append(' ').append(esc(e.grade() == null ? "" : e.grade())).append("</text>\n");
        }
        b.append("</svg>\n");
    }

    private static void unit(StringBuilder b, Evaluation e, Manifest manifest, Labels l, Map<String, RubricRule> rules) {
        b.append("<section class=\"unit\" id=\"u-").append(esc(e.subject().id())).append("\"><h2>");
        if (e.rank() != null) {
            b.append(e.rank()).append(". ");
        }
        b.append(esc(name(e))).append(" <span class=\"total\">").append(Display.number(e.total())).append(esc(l.pointsUnit()))
                .append("</span> <span class=\"grade\" style=\"background:").append(colour(manifest, e.grade())).append("\">")
                .append(esc(grade(e, l))).append("</span></h2>\n<div class=\"cats\">\n");
        for (CategoryScore c : e.categories()) {
            BigDecimal span = c.max().subtract(c.min());
            long pct = span.signum() <= 0 ? 0 : c.score().subtract(c.min()).multiply(BigDecimal.valueOf(100))
                    .divide(span, 0, RoundingMode.HALF_UP).longValue();
            b.append("<div class=\"cat\"><span class=\"cname\">").append(esc(c.name())).append("</span><span class=\"bar\"><span style=\"width:")
                    .append(Math.max(0, Math.min(100, pct))).append("%\"></span></span><span class=\"cscore\">")
                    .append(Display.number(c.score())).append(" / ").append(Display.number(c.max())).append("</span></div>\n");
        }
        b.append("</div>\n");
        if (e.items().isEmpty()) {
            b.append("<p>").append(esc(l.noItems())).append("</p>\n</section>\n");
            return;
        }
        b.append("<table class=\"items\"><thead><tr><th>").append(esc(l.item())).append("</th><th>").append(esc(l.points()))
                .append("</th><th>").append(esc(l.reason())).append("</th></tr></thead><tbody>\n");
        for (ScoreItem i : e.items()) {
            b.append("<tr><td class=\"iname\">").append(esc(Report.itemName(i, l)));
            String clause = Report.clause(i, rules);
            if (clause != null) {
                b.append("<div class=\"clause\">").append(esc(clause)).append("</div>");
            }
            if (i.source() != null) {
                b.append(clause != null ? "<code>" : "<br><code>").append(esc(i.source())).append("</code>");
            }
            b.append("</td><td class=\"num\">").append(Display.signed(i.points())).append("</td><td>").append(esc(i.reason()));
            for (Evidence ev : i.evidence()) {
                b.append("<div class=\"ev\">").append(esc(l.evidence())).append("：").append(esc(Display.evidence(ev, l == Labels.CHINESE)))
                        .append("</div>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody></table>\n</section>\n");
    }

    private static String colour(Manifest manifest, String grade) {
        int i = grade == null ? -1 : manifest.gradeIndex(grade);
        return i < 0 ? NO_GRADE_COLOUR : GRADE_COLOURS[Math.min(i, GRADE_COLOURS.length - 1)];
    }

    private static String grade(Evaluation e, Labels l) {
        return e.grade() == null ? l.noGrade() : e.grade();
    }

    private static String name(Evaluation e) {
        return e.subject().name() != null ? e.subject().name() : e.subject().id();
    }

    /** Text made safe for HTML content and attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String STYLE = """
            :root { --ink: #1f2328; --line: #d0d7de; --soft: #f6f8fa; }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 960px; padding: 12px; color: var(--ink); line-height: 1.55;
                   font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
            h1 { font-size: 1.5em; text-align: center; margin: .4em 0; }
            h2 { font-size: 1.15em; border-bottom: 2px solid var(--line); padding-bottom: .2em; margin-top: 1.4em; }
            .meta { text-align: center; color: #57606a; font-size: .85em; word-break: break-all; }
            a { color: inherit; }
            dl.grades { display: grid; grid-template-columns: max-content 1fr; gap: .3em .8em; }
            dl.grades dt { font-weight: bold; }
            dl.grades dd { margin: 0; }
            .swatch { display: inline-block; width: .8em; height: .8em; margin-right: .3em; border-radius: 2px; }
            svg.chart { width: 100%; height: auto; font-size: 12px; }
            svg.chart text { fill: var(--ink); }
            table { border-collapse: collapse; width: 100%; font-size: .92em; }
            th, td { border: 1px solid var(--line); padding: .3em .45em; vertical-align: top; text-align: left; }
            th { background: var(--soft); }
            td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            tr.vetoed td { background: #fff1f0; }
            .tag { font-size: .8em; color: #b42318; border: 1px solid #b42318; border-radius: 3px; padding: 0 .25em; }
            .total { font-weight: normal; }
            .grade { color: #fff; border-radius: 3px; padding: 0 .4em; font-size: .85em; font-weight: normal; }
            .cats { display: grid; grid-template-columns: 1fr 1fr; gap: .2em 1.2em; margin: .5em 0 .8em; }
            .cat { display: grid; grid-template-columns: 6.5em 1fr 5.5em; align-items: center; gap: .4em; font-size: .9em; }
            .bar { background: #e5e7eb; height: .7em; border-radius: 3px; overflow: hidden; }
            .bar span { display: block; height: 100%; background: #2f6fb0; }
            .cscore { text-align: right; font-variant-numeric: tabular-nums; }
            .iname { width: 11em; }
            .iname code, .meta code { font-size: .75em; color: #57606a; }
            .ev { color: #57606a; font-size: .88em; }
            .clause { font-weight: normal; font-size: .85em; }
            @media (max-width: 600px) {
              body { padding: 8px; font-size: 15px; }
              .cats { grid-template-columns: 1fr; }
              .iname { width: auto; }
              table.items th:nth-child(1), table.items td:nth-child(1) { min-width: 6em; }
            }
            @media print {
              body { max-width: none; padding: 0; font-size: 10.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              a { text-decoration: none; }
              section.unit { break-inside: avoid-page; }
              tr { break-inside: avoid; }
            }
            """;
}
