package dev.rubric.rules;

import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import dev.rubric.model.AssessmentPeriod;
import dev.rubric.model.CoreSystem;
import dev.rubric.model.CoreSystemKind;
import dev.rubric.model.Disclosure;
import dev.rubric.model.DisclosureKind;
import dev.rubric.model.PeriodKind;
import dev.rubric.model.StaffAssessment;
import dev.rubric.model.StudySession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A department's year for the bundled rubric's tests: starts as a well-run department that loses no
 * point (every core system in place, everything disclosed, four study sessions, its staff assessed on
 * time), to which a test adds or removes the facts it is about.
 */
final class DepartmentYear {

    static final Rubric RUBRIC = Rubrics.load("classpath:rubrics/party-mass-efficiency");

    /** The assessment day of the year: 2026-12-20. */
    static final AssessmentPeriod YEAR_2026 = new AssessmentPeriod("2026年度", 2026, PeriodKind.ANNUAL,
            day("2026-01-01"), day("2026-12-31"), day("2026-12-20"));

    private final List<Object> facts = new ArrayList<>();

    private DepartmentYear() {
    }

    static DepartmentYear wellRun() {
        DepartmentYear year = new DepartmentYear();
        year.facts.add(YEAR_2026);
        for (CoreSystemKind kind : CoreSystemKind.values()) {
            year.facts.add(new CoreSystem("CS-" + kind, kind, true, day("2024-03-01")));
        }
        for (DisclosureKind kind : DisclosureKind.values()) {
            year.facts.add(new Disclosure("P-" + kind, kind, true));
        }
        String[] held = {"2026-03-18", "2026-06-17", "2026-09-16", "2026-12-09"};
        for (int q = 1; q <= 4; q++) {
            year.facts.add(new StudySession("L-Q" + q, q, day(held[q - 1]), "县委十届五次全会精神"));
        }
        year.facts.add(new StaffAssessment("PA-1", "2026年上半年", day("2026-07-31"), day("2026-07-24")));
        return year;
    }

    DepartmentYear with(Object... more) {
        facts.addAll(List.of(more));
        return this;
    }

    DepartmentYear without(Predicate<Object> which) {
        facts.removeIf(which);
        return this;
    }

    Outcome evaluate() {
        return new Outcome(RUBRIC.evaluate(new Subject("D99", "测试单位", facts)));
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    /** One evaluation, read the way the tests ask about it. */
    record Outcome(Evaluation evaluation) {

        /** The points of the rule's deductions and additions, as plain decimals ("-0.5"), caps left out. */
        List<String> points(String rule) {
            return evaluation.itemsOf(rule).stream()
                    .filter(i -> i.kind() == ItemKind.DEDUCTION || i.kind() == ItemKind.ADDITION)
                    .map(i -> plain(i.points()))
                    .toList();
        }

        /** The rule's items of every kind. */
        List<ScoreItem> items(String rule) {
            return evaluation.itemsOf(rule);
        }

        /** The only item of the given kind the rule made. */
        ScoreItem only(String rule, ItemKind kind) {
            List<ScoreItem> found = evaluation.itemsOf(rule).stream().filter(i -> i.kind() == kind).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one " + kind + " item of rule [" + rule + "], found " + found.size()
                        + "\n" + explanation());
            }
            return found.get(0);
        }

        String total() {
            return plain(evaluation.total());
        }

        String category(String id) {
            return evaluation.categories().stream().filter(c -> c.id().equals(id)).map(c -> plain(c.score()))
                    .findFirst().orElseThrow();
        }

        /** Every item, one a line: the message a failing assertion shows. */
        String explanation() {
            return "total " + total() + ", grade " + evaluation.grade() + (evaluation.vetoed() ? " (vetoed)" : "")
                    + evaluation.items().stream()
                    .map(i -> "\n  " + i.kind() + " " + i.rule() + " " + plain(i.points()) + " " + i.reason())
                    .collect(Collectors.joining());
        }

        private static String plain(java.math.BigDecimal n) {
            return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
        }
    }
}
