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
        // not rectified, with no deadline given (so D3 does not add to them)
        var result = rubric.evaluate(department()
                .with(finding("F-1", Severity.MINOR, null, null),
                      finding("F-2", Severity.GENERAL, null, null),
                      finding("F-3", Severity.SERIOUS, null, null))
                .build());

        assertThat(result).hasTotal("96.5")
                .hasItem("D1").withItemPoints("-0.5", "-1", "-2").withReasonContaining("2026年7月6日半年督查发现的严重问题「限时办结登记台账缺失」");
    }

    @Test
    void d1_stopsAtEightPoints() {
        var year = department();
        for (int i = 1; i <= 5; i++) {
            year.with(finding("F-" + i, Severity.SERIOUS, null, null));
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
                .hasItem("D2").withPoints("-0.5").withReasonContaining("限2026年7月31日前整改，2026年8月9日才整改到位，逾期9天");
    }

    @Test
    void d2_aFindingRectifiedOnItsDeadlineCostsNothingMoreAndHalfUnderD1() {
        var result = rubric.evaluate(department().with(finding("F-1", Severity.GENERAL, "2026-07-31", "2026-07-31")).build());

        assertThat(result).hasNoItem("D2").hasTotal("99.5");
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
                .hasItem("D4").withPoints("-3").withReasonContaining("潘某于2026年9月18日受党纪政纪处分：违规携带涉密文件外出，受党内警告处分");
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

    @Test
    void sameProblem_aFindingAboutAProblemAnotherItemScoresIsDeductedOnceTheLargest() {
        // given no staff assessment all year (B4, 4 points) and a special inspection's serious finding about it, not rectified
        var finding = new InspectionFinding("F-1", day("2026-05-14"), InspectionKind.SPECIAL, Severity.SERIOUS,
                "未制定个人绩效考核方案", day("2026-06-30"), null, "B4");

        // when
        var result = rubric.evaluate(department().without(f -> f instanceof dev.rubric.model.StaffAssessment).with(finding).build());

        // then only B4's 4 points count; D1 (2) and D3 (1) stay listed at 0
        assertThat(result).hasTotal("96")
                .hasItem("B4").withPoints("-4")
                .hasItem("D1").withPoints("0").withReasonContaining("与「B4 未开展个人绩效考核」属同一问题，已在该项扣分，本项不重复扣分（应扣2分）")
                .hasItem("D3").withPoints("0");
    }

    @Test
    void sameProblem_oneCardGameFoundByACovertVisitAndReprimandedCostsOnePoint() {
        var game = new Violation("V-1", ViolationKind.LAZINESS, "潘某", day("2026-09-16"), "明察暗访中工作时间打牌", false);
        var finding = new InspectionFinding("F-1", day("2026-09-16"), InspectionKind.COVERT_VISIT, Severity.GENERAL,
                "工作时间在办公室打牌", day("2026-09-30"), null, "V-1");

        var result = rubric.evaluate(department().with(game, finding).build());

        assertThat(result).hasTotal("99").hasItem("D1").withPoints("-1").hasItem("D5").withPoints("0");
    }

    @Test
    void d1_aFindingRectifiedByItsDeadlineCostsHalf() {
        var finding = new InspectionFinding("F-1", day("2026-07-06"), InspectionKind.HALF_YEAR, Severity.GENERAL,
                "办事程序公示内容未及时更新", day("2026-08-15"), day("2026-08-10"));

        var result = rubric.evaluate(department().with(finding).build());

        assertThat(result).hasTotal("99.5").hasItem("D1").withPoints("-0.5")
                .withReasonContaining("2026年7月6日半年督查发现的一般问题「办事程序公示内容未及时更新」，已于2026年8月10日整改到位，减半扣分");
    }
}
