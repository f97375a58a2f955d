package dev.rubric.rules;

import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.model.CoreSystem;
import dev.rubric.model.CoreSystemKind;
import dev.rubric.model.Disclosure;
import dev.rubric.model.DisclosureKind;
import dev.rubric.model.StaffAssessment;
import dev.rubric.model.StudySession;
import org.junit.jupiter.api.Test;

import static dev.rubric.rules.DepartmentYear.day;
import static dev.rubric.rules.DepartmentYear.wellRun;
import static org.assertj.core.api.Assertions.assertThat;

/** 制度建设 (systems.drl): B1–B6. */
class SystemsRulesTest {

    @Test
    void b1_aCoreSystemNotInForceOrNotReportedAtAllCostsThreePointsEach() {
        var outcome = wellRun()
                .without(f -> f instanceof CoreSystem)
                .with(new CoreSystem("CS-1", CoreSystemKind.FIRST_INQUIRY, true, day("2024-03-01")),
                      new CoreSystem("CS-2", CoreSystemKind.TIME_LIMITED, false, null))
                .evaluate();

        assertThat(outcome.points("B1")).as(outcome.explanation()).containsExactly("-3", "-3");
        assertThat(outcome.items("B1")).extracting(i -> i.reason())
                .containsExactlyInAnyOrder("核心制度「限时办结制」未建立或未执行", "核心制度「责任追究制」未建立或未执行");
        assertThat(outcome.items("B1")).flatExtracting(i -> i.evidence()).extracting(Evidence::id).containsExactly("CS-2");
    }

    @Test
    void b1_threeCoreSystemsInForceCostNothing() {
        var outcome = wellRun().evaluate();

        assertThat(outcome.items("B1")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void b2_anItemNotPostedOrNotReportedCostsOnePointEach() {
        var outcome = wellRun()
                .without(f -> f instanceof Disclosure d && (d.kind() == DisclosureKind.RESULTS || d.kind() == DisclosureKind.BADGES_ON_DUTY))
                .with(new Disclosure("P-3", DisclosureKind.RESULTS, false))
                .evaluate();

        assertThat(outcome.points("B2")).as(outcome.explanation()).containsExactly("-1", "-1");
        assertThat(outcome.items("B2")).extracting(i -> i.reason())
                .containsExactlyInAnyOrder("办事公开：「办事结果」未公开", "办事公开：「挂牌上岗」未公开");
    }

    @Test
    void b2_everyItemPostedCostsNothing() {
        var outcome = wellRun().evaluate();

        assertThat(outcome.items("B2")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void b3_aQuarterWithoutAHeldStudySessionCostsOnePoint() {
        var outcome = wellRun()
                .without(f -> f instanceof StudySession s && s.quarter() >= 3)
                .with(new StudySession("L-Q3", 3, null, null))
                .evaluate();

        assertThat(outcome.points("B3")).as(outcome.explanation()).containsExactly("-1", "-1");
        assertThat(outcome.items("B3")).extracting(i -> i.reason())
                .containsExactlyInAnyOrder("第3季度未开展集中学习", "第4季度未开展集中学习");
    }

    @Test
    void b3_aSessionHeldInEveryQuarterCostsNothing() {
        var outcome = wellRun().evaluate();

        assertThat(outcome.items("B3")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void b4_aYearWithoutAnyStaffAssessmentCostsFourPoints() {
        var outcome = wellRun().without(f -> f instanceof StaffAssessment).evaluate();

        assertThat(outcome.points("B4")).as(outcome.explanation()).containsExactly("-4");
        assertThat(outcome.only("B4", ItemKind.DEDUCTION).evidence()).extracting(Evidence::id).containsExactly("2026年度");
    }

    @Test
    void b4_aYearWithAStaffAssessmentCostsNothing() {
        var outcome = wellRun().evaluate();

        assertThat(outcome.items("B4")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void b5_aStaffAssessmentOverdueAndNotDoneCostsTwoPointsUpToFour() {
        var outcome = wellRun()
                .without(f -> f instanceof StaffAssessment)
                .with(new StaffAssessment("PA-1", "2026年上半年", day("2026-07-31"), null),
                      new StaffAssessment("PA-2", "2026年第三季度", day("2026-10-31"), null),
                      new StaffAssessment("PA-3", "2026年第四季度", day("2026-12-10"), null))
                .evaluate();

        assertThat(outcome.points("B5")).as(outcome.explanation()).containsExactly("-2", "-2", "-2");
        assertThat(outcome.only("B5", ItemKind.CAP).points()).isEqualByComparingTo("2");
        assertThat(outcome.items("B4")).isEmpty();
    }

    @Test
    void b5_aStaffAssessmentDueAfterTheAssessmentDayCostsNothingYet() {
        var outcome = wellRun().with(new StaffAssessment("PA-2", "2026年度", day("2027-01-31"), null)).evaluate();

        assertThat(outcome.items("B5")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void b6_aStaffAssessmentDoneLateCostsHalfAPoint() {
        var outcome = wellRun()
                .without(f -> f instanceof StaffAssessment)
                .with(new StaffAssessment("PA-1", "2026年上半年", day("2026-07-31"), day("2026-08-20")))
                .evaluate();

        assertThat(outcome.points("B6")).as(outcome.explanation()).containsExactly("-0.5");
        assertThat(outcome.only("B6", ItemKind.DEDUCTION).reason()).contains("「2026年上半年」").contains("2026-08-20");
    }

    @Test
    void b6_aStaffAssessmentDoneOnItsDueDateCostsNothing() {
        var outcome = wellRun()
                .without(f -> f instanceof StaffAssessment)
                .with(new StaffAssessment("PA-1", "2026年上半年", day("2026-07-31"), day("2026-07-31")))
                .evaluate();

        assertThat(outcome.items("B6")).as(outcome.explanation()).isEmpty();
    }
}
