package dev.rubric.rules;

import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.model.InspectionFinding;
import dev.rubric.model.InspectionKind;
import dev.rubric.model.Severity;
import dev.rubric.model.Violation;
import dev.rubric.model.ViolationKind;
import org.junit.jupiter.api.Test;

import static dev.rubric.rules.DepartmentYear.day;
import static dev.rubric.rules.DepartmentYear.wellRun;
import static org.assertj.core.api.Assertions.assertThat;

/** 督查与作风 (conduct.drl): D1–D5. */
class ConductRulesTest {

    private static InspectionFinding finding(String id, Severity severity, String deadline, String rectifiedOn) {
        return new InspectionFinding(id, day("2026-07-06"), InspectionKind.HALF_YEAR, severity, "限时办结登记台账缺失",
                deadline == null ? null : day(deadline), rectifiedOn == null ? null : day(rectifiedOn));
    }

    private static Violation violation(String id, ViolationKind kind) {
        return new Violation(id, kind, "林某", day("2026-09-16"), "明察暗访中工作时间玩手机游戏", false);
    }

    @Test
    void d1_aFindingCostsHalfOneOrTwoPointsBySeverity() {
        var outcome = wellRun()
                .with(finding("F-1", Severity.MINOR, "2026-07-31", "2026-07-20"),
                      finding("F-2", Severity.GENERAL, "2026-07-31", "2026-07-20"),
                      finding("F-3", Severity.SERIOUS, "2026-07-31", "2026-07-20"))
                .evaluate();

        assertThat(outcome.points("D1")).as(outcome.explanation()).containsExactlyInAnyOrder("-0.5", "-1", "-2");
        assertThat(outcome.items("D1")).extracting(i -> i.reason())
                .contains("2026-07-06半年督查发现严重问题：限时办结登记台账缺失");
    }

    @Test
    void d1_stopsAtEightPoints() {
        var year = wellRun();
        for (int i = 1; i <= 5; i++) {
            year.with(finding("F-" + i, Severity.SERIOUS, "2026-07-31", "2026-07-20"));
        }
        var outcome = year.evaluate();

        assertThat(outcome.points("D1")).as(outcome.explanation()).hasSize(5);
        assertThat(outcome.only("D1", ItemKind.CAP).points()).isEqualByComparingTo("2");
        assertThat(outcome.category("conduct")).isEqualTo("7");
    }

    @Test
    void d1_aYearWithoutFindingsCostsNothing() {
        var outcome = wellRun().evaluate();

        assertThat(outcome.items("D1")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void d2_aFindingRectifiedAfterItsDeadlineCostsHalfAPointMore() {
        var outcome = wellRun().with(finding("F-1", Severity.GENERAL, "2026-07-31", "2026-08-09")).evaluate();

        assertThat(outcome.points("D1")).as(outcome.explanation()).containsExactly("-1");
        assertThat(outcome.points("D2")).containsExactly("-0.5");
        assertThat(outcome.only("D2", ItemKind.DEDUCTION).reason()).contains("2026-07-31").contains("2026-08-09才整改到位");
    }

    @Test
    void d2_aFindingRectifiedOnItsDeadlineCostsNothingMore() {
        var outcome = wellRun().with(finding("F-1", Severity.GENERAL, "2026-07-31", "2026-07-31")).evaluate();

        assertThat(outcome.items("D2")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void d3_aFindingPastItsDeadlineAndNotRectifiedCostsOnePointMore() {
        var outcome = wellRun().with(finding("F-1", Severity.GENERAL, "2026-07-31", null)).evaluate();

        assertThat(outcome.points("D3")).as(outcome.explanation()).containsExactly("-1");
        assertThat(outcome.only("D3", ItemKind.DEDUCTION).evidence()).extracting(Evidence::id).containsExactly("F-1");
    }

    @Test
    void d3_aFindingWhoseDeadlineIsAfterTheAssessmentOrWithoutOneCostsNothingMore() {
        var outcome = wellRun()
                .with(finding("F-1", Severity.SERIOUS, "2026-12-31", null),
                      finding("F-2", Severity.MINOR, null, null))
                .evaluate();

        assertThat(outcome.items("D3")).as(outcome.explanation()).isEmpty();
        assertThat(outcome.items("D2")).isEmpty();
    }

    @Test
    void d4_aStaffMemberUnderDisciplineCostsThreePoints() {
        var disciplined = new Violation("V-1", ViolationKind.PARTY_DISCIPLINE, "潘某", day("2026-09-18"),
                "违规携带涉密文件外出，受党内警告处分", false);

        var outcome = wellRun().with(disciplined).evaluate();

        assertThat(outcome.points("D4")).as(outcome.explanation()).containsExactly("-3");
        assertThat(outcome.only("D4", ItemKind.DEDUCTION).reason())
                .isEqualTo("潘某于2026-09-18受党纪政纪处分：违规携带涉密文件外出，受党内警告处分");
    }

    @Test
    void d4_aReprimandForSlothIsNoDisciplineCase() {
        var outcome = wellRun().with(violation("V-1", ViolationKind.LAZINESS)).evaluate();

        assertThat(outcome.items("D4")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void d5_aReprimandForSlothOrABureaucraticMannerCostsOnePointUpToFour() {
        var year = wellRun();
        for (int i = 1; i <= 5; i++) {
            year.with(violation("V-" + i, ViolationKind.LAZINESS));
        }
        var outcome = year.evaluate();

        assertThat(outcome.points("D5")).as(outcome.explanation()).hasSize(5).containsOnly("-1");
        assertThat(outcome.only("D5", ItemKind.CAP).points()).isEqualByComparingTo("1");
    }

    @Test
    void d5_aDisciplineCaseIsNoReprimandForSloth() {
        var outcome = wellRun().with(violation("V-1", ViolationKind.PARTY_DISCIPLINE)).evaluate();

        assertThat(outcome.items("D5")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void deductionsStopAtZeroForTheCategory() {
        var year = wellRun();
        for (int i = 1; i <= 3; i++) {
            year.with(new Violation("V-" + i, ViolationKind.PARTY_DISCIPLINE, "某" + i, day("2026-09-18"), "受警告处分", false));
        }
        year.with(finding("F-1", Severity.SERIOUS, "2026-07-31", null), finding("F-2", Severity.SERIOUS, "2026-07-31", null));
        var outcome = year.evaluate();

        assertThat(outcome.category("conduct")).as(outcome.explanation()).isEqualTo("0");
        assertThat(outcome.total()).isEqualTo("85");
    }
}
