package dev.rubric.rules;

import dev.rubric.api.Rubric;
import dev.rubric.model.CoreSystem;
import dev.rubric.model.CoreSystemKind;
import dev.rubric.model.Disclosure;
import dev.rubric.model.DisclosureKind;
import dev.rubric.model.StaffAssessment;
import dev.rubric.model.StudySession;
import dev.rubric.testkit.RubricTest;
import org.junit.jupiter.api.Test;

import static dev.rubric.testkit.RubricAssertions.assertThat;
import static dev.rubric.testkit.model.DepartmentBuilder.day;
import static dev.rubric.testkit.model.DepartmentBuilder.department;

/** 制度建设 (systems.drl): B1–B6. The well-run department has all three core systems, everything posted, four study sessions and one staff assessment on time. */
@RubricTest(value = "classpath:rubrics/party-mass-efficiency", covers = "systems.drl", minCoverage = 100)
class SystemsRulesTest {

    private final Rubric rubric;

    SystemsRulesTest(Rubric rubric) {
        this.rubric = rubric;
    }

    @Test
    void b1_aCoreSystemNotInForceOrNotReportedAtAllCostsThreePointsEach() {
        var result = rubric.evaluate(department()
                .without(f -> f instanceof CoreSystem)
                .with(new CoreSystem("CS-1", CoreSystemKind.FIRST_INQUIRY, true, day("2024-03-01")),
                      new CoreSystem("CS-2", CoreSystemKind.TIME_LIMITED, false, null))
                .build());

        assertThat(result).hasCategoryScore("systems", "9")
                .hasItem("B1").withItemPoints("-3", "-3")
                .withReasonContaining("核心制度「限时办结制」未建立或未执行").withReasonContaining("核心制度「责任追究制」未建立或未执行")
                .citing("CS-2");
    }

    @Test
    void b1_threeCoreSystemsInForceCostNothing() {
        var result = rubric.evaluate(department().build());

        assertThat(result).hasNoItem("B1");
    }

    @Test
    void b1_oneCoreSystemNotInForceCostsThreePoints() {
        var result = rubric.evaluate(department().withoutCoreSystem(CoreSystemKind.ACCOUNTABILITY).build());

        assertThat(result).hasTotal("97").hasItem("B1").withPoints("-3").citing("CS-ACCOUNTABILITY");
    }

    @Test
    void b2_anItemNotPostedOrNotReportedCostsOnePointEach() {
        var result = rubric.evaluate(department()
                .without(f -> f instanceof Disclosure d && (d.kind() == DisclosureKind.RESULTS || d.kind() == DisclosureKind.BADGES_ON_DUTY))
                .with(new Disclosure("P-3", DisclosureKind.RESULTS, false))
                .build());

        assertThat(result).hasItem("B2").withItemPoints("-1", "-1")
                .withReasonContaining("办事公开：「办事结果」未公开").withReasonContaining("办事公开：「挂牌上岗」未公开");
    }

    @Test
    void b2_everyItemPostedCostsNothing() {
        var result = rubric.evaluate(department().build());

        assertThat(result).hasNoItem("B2");
    }

    @Test
    void b3_aQuarterWithoutAHeldStudySessionCostsOnePoint() {
        var result = rubric.evaluate(department()
                .without(f -> f instanceof StudySession s && s.quarter() >= 3)
                .with(new StudySession("L-Q3", 3, null, null))
                .build());

        assertThat(result).hasItem("B3").withItemPoints("-1", "-1")
                .withReasonContaining("2026年第三季度未开展集中学习").withReasonContaining("2026年第四季度未开展集中学习");
    }

    @Test
    void b3_aSessionHeldInEveryQuarterCostsNothing() {
        var result = rubric.evaluate(department().build());

        assertThat(result).hasNoItem("B3");
    }

    @Test
    void b4_aYearWithoutAnyStaffAssessmentCostsFourPoints() {
        var result = rubric.evaluate(department().without(f -> f instanceof StaffAssessment).build());

        assertThat(result).hasTotal("96").hasItem("B4").withPoints("-4").citing("2026年度");
    }

    @Test
    void b4_aYearWithAStaffAssessmentCostsNothing() {
        var result = rubric.evaluate(department().build());

        assertThat(result).hasNoItem("B4");
    }

    @Test
    void b5_aStaffAssessmentOverdueAndNotDoneCostsTwoPointsUpToFour() {
        var result = rubric.evaluate(department()
                .without(f -> f instanceof StaffAssessment)
                .with(new StaffAssessment("PA-1", "2026年上半年", day("2026-07-31"), null),
                      new StaffAssessment("PA-2", "2026年第三季度", day("2026-10-31"), null),
                      new StaffAssessment("PA-3", "2026年第四季度", day("2026-12-10"), null))
                .build());

        assertThat(result).hasNoItem("B4")
                .hasItem("B5").withItemPoints("-2", "-2", "-2").withPoints("-4").wasCapped();
    }

    @Test
    void b5_aStaffAssessmentDueAfterTheAssessmentDayCostsNothingYet() {
        var result = rubric.evaluate(department().with(new StaffAssessment("PA-2", "2026年度", day("2027-01-31"), null)).build());

        assertThat(result).hasNoItem("B5").hasTotal("100");
    }

    @Test
    void b6_aStaffAssessmentDoneLateCostsHalfAPoint() {
        var result = rubric.evaluate(department()
                .without(f -> f instanceof StaffAssessment)
                .with(new StaffAssessment("PA-1", "2026年上半年", day("2026-07-31"), day("2026-08-20")))
                .build());

        assertThat(result).hasTotal("99.5")
                .hasItem("B6").withPoints("-0.5").withReasonContaining("「2026年上半年」应于2026年7月31日前开展，2026年8月20日才开展，逾期20天");
    }

    @Test
    void b6_aStaffAssessmentDoneOnItsDueDateCostsNothing() {
        var result = rubric.evaluate(department()
                .without(f -> f instanceof StaffAssessment)
                .with(new StaffAssessment("PA-1", "2026年上半年", day("2026-07-31"), day("2026-07-31")))
                .build());

        assertThat(result).hasNoItem("B6").hasTotal("100");
    }

    @Test
    void b7_aStaffAssessmentWhoseResultsWereNotAppliedToRewardsCostsOnePoint() {
        var result = rubric.evaluate(department()
                .without(f -> f instanceof StaffAssessment)
                .with(new StaffAssessment("PA-1", "2026年上半年", day("2026-07-31"), day("2026-07-24"), false))
                .build());

        assertThat(result).hasTotal("99")
                .hasItem("B7").withPoints("-1").withReasonContaining("已于2026年7月24日开展，但考核结果未与奖惩挂钩").citing("PA-1");
    }

    @Test
    void b7_aStaffAssessmentAppliedToRewardsOrNotYetDoneCostsNothingUnderB7() {
        var result = rubric.evaluate(department()
                .with(new StaffAssessment("PA-2", "2026年第三季度", day("2026-12-31"), null, false))
                .build());

        assertThat(result).hasNoItem("B7").hasTotal("100");
    }

    @Test
    void b2_workStandardsNotPostedCostOnePoint() {
        var result = rubric.evaluate(department().withUndisclosed(DisclosureKind.STANDARDS).build());

        assertThat(result).hasTotal("99").hasItem("B2").withPoints("-1").withReasonContaining("「办事标准」未公开");
    }
}
