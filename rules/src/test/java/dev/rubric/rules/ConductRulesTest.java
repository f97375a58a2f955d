package dev.rubric.rules;

import dev.rubric.api.Rubric;
import dev.rubric.model.InspectionFinding;
import dev.rubric.model.InspectionKind;
import dev.rubric.model.Severity;
import dev.rubric.model.Violation;
import dev.rubric.model.ViolationKind;
import dev.rubric.testkit.RubricTest;
import org.junit.jupiter.api.Test;

import static dev.rubric.testkit.RubricAssertions.assertThat;
import static dev.rubric.testkit.model.DepartmentBuilder.day;
import static dev.rubric.testkit.model.DepartmentBuilder.department;

/** 督查与作风 (conduct.drl): D1–D5. */
@RubricTest(value = "classpath:rubrics/party-mass-efficiency", covers = "conduct.drl", minCoverage = 100)
class ConductRulesTest {

    private final Rubric rubric;

    ConductRulesTest(Rubric rubric) {
        this.rubric = rubric;
    }

    private static InspectionFinding finding(String id, Severity severity, String deadline, String rectifiedOn) {
        return new InspectionFinding(id, day("2026-07-06"), InspectionKind.HALF_YEAR, severity, "限时办结登记台账缺失",
                day(deadline), day(rectifiedOn));
    }

    private static Violation violation(String id, ViolationKind kind) {
        return new Violation(id, kind, "林某", day("2026-09-16"), "明察暗访中工作时间玩手机游戏", false);
    }

    @Test
    void d1_aFindingCostsHalfOneOrTwoPointsBySeverity() {
        var result = rubric.evaluate(department()
                .with(finding("F-1", Severity.MINOR, "2026-07-31", "2026-07-20"),
                      finding("F-2", Severity.GENERAL, "2026-07-31", "2026-07-20"),
                      finding("F-3", Severity.SERIOUS, "2026-07-31", "2026-07-20"))
                .build());

        assertThat(result).hasTotal("96.5")
                .hasItem("D1").withItemPoints("-0.5", "-1", "-2").withReasonContaining("2026-07-06半年督查发现严重问题：限时办结登记台账缺失");
    }

    @Test
    void d1_stopsAtEightPoints() {
        var year = department();
        for (int i = 1; i <= 5; i++) {
            year.with(finding("F-" + i, Severity.SERIOUS, "2026-07-31", "2026-07-20"));
        }

        var result = rubric.evaluate(year.build());

        assertThat(result).hasCategoryScore("conduct", "7")
                .hasItem("D1").times(5).withPoints("-8").wasCapped();
    }

    @Test
    void d1_aYearWithoutFindingsCostsNothing() {
        var result = rubric.evaluate(department().build());

        assertThat(result).hasNoItem("D1");
    }

    @Test
    void d2_aFindingRectifiedAfterItsDeadlineCostsHalfAPointMore() {
        var result = rubric.evaluate(department().with(finding("F-1", Severity.GENERAL, "2026-07-31", "2026-08-09")).build());

        assertThat(result).hasTotal("98.5")
                .hasItem("D1").withPoints("-1")
                .hasItem("D2").withPoints("-0.5").withReasonContaining("限2026-07-31前整改，2026-08-09才整改到位");
    }

    @Test
    void d2_aFindingRectifiedOnItsDeadlineCostsNothingMore() {
        var result = rubric.evaluate(department().with(finding("F-1", Severity.GENERAL, "2026-07-31", "2026-07-31")).build());

        assertThat(result).hasNoItem("D2").hasTotal("99");
    }

    @Test
    void d3_aFindingPastItsDeadlineAndNotRectifiedCostsOnePointMore() {
        var result = rubric.evaluate(department().with(finding("F-1", Severity.GENERAL, "2026-07-31", null)).build());

        assertThat(result).hasTotal("98").hasItem("D3").withPoints("-1").citing("F-1");
    }

    @Test
    void d3_aFindingWhoseDeadlineIsAfterTheAssessmentOrWithoutOneCostsNothingMore() {
        var result = rubric.evaluate(department()
                .with(finding("F-1", Severity.SERIOUS, "2026-12-31", null),
                      finding("F-2", Severity.MINOR, null, null))
                .build());

        assertThat(result).hasNoItem("D3").hasNoItem("D2").hasTotal("97.5");
    }

    @Test
    void d4_aStaffMemberUnderDisciplineCostsThreePoints() {
        var disciplined = new Violation("V-1", ViolationKind.PARTY_DISCIPLINE, "潘某", day("2026-09-18"),
                "违规携带涉密文件外出，受党内警告处分", false);

        var result = rubric.evaluate(department().with(disciplined).build());

        assertThat(result).hasTotal("97").isNotVetoed()
                .hasItem("D4").withPoints("-3").withReasonContaining("潘某于2026-09-18受党纪政纪处分：违规携带涉密文件外出，受党内警告处分");
    }

    @Test
    void d4_aReprimandForSlothIsNoDisciplineCase() {
        var result = rubric.evaluate(department().with(violation("V-1", ViolationKind.LAZINESS)).build());

        assertThat(result).hasNoItem("D4");
    }

    @Test
    void d5_aReprimandForSlothOrABureaucraticMannerCostsOnePointUpToFour() {
        var year = department();
        for (int i = 1; i <= 5; i++) {
            year.with(violation("V-" + i, ViolationKind.LAZINESS));
        }

        var result = rubric.evaluate(year.build());

        assertThat(result).hasTotal("96")
                .hasItem("D5").times(5).withPoints("-4").wasCapped();
    }

    @Test
    void d5_aDisciplineCaseIsNoReprimandForSloth() {
        var result = rubric.evaluate(department().with(violation("V-1", ViolationKind.PARTY_DISCIPLINE)).build());

        assertThat(result).hasNoItem("D5");
    }

    @Test
    void deductionsStopAtZeroForTheCategory() {
        var year = department();
        for (int i = 1; i <= 3; i++) {
            year.with(new Violation("V-" + i, ViolationKind.PARTY_DISCIPLINE, "某" + i, day("2026-09-18"), "受警告处分", false));
        }
        year.with(finding("F-1", Severity.SERIOUS, "2026-07-31", null), finding("F-2", Severity.SERIOUS, "2026-07-31", null));

        var result = rubric.evaluate(year.build());

        assertThat(result).hasCategoryScore("conduct", "0").hasTotal("85").isBalanced();
    }
}
