package dev.rubric.rules;

import dev.rubric.api.Rubric;
import dev.rubric.model.Kpi;
import dev.rubric.model.TargetTask;
import dev.rubric.model.TaskStatus;
import dev.rubric.testkit.RubricTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.rubric.testkit.RubricAssertions.assertThat;
import static dev.rubric.testkit.model.DepartmentBuilder.day;
import static dev.rubric.testkit.model.DepartmentBuilder.department;

/** 目标任务 (targets.drl): A1–A4. */
@RubricTest(value = "classpath:rubrics/party-mass-efficiency", covers = "targets.drl", minCoverage = 100)
class TargetsRulesTest {

    private final Rubric rubric;

    TargetsRulesTest(Rubric rubric) {
        this.rubric = rubric;
    }

    private static TargetTask open(String id, String title, String deadline) {
        return new TargetTask(id, title, "王建华", day(deadline), null, TaskStatus.IN_PROGRESS);
    }

    private static TargetTask completed(String id, String title, String deadline, String completedOn) {
        return new TargetTask(id, title, "王建华", day(deadline), day(completedOn), TaskStatus.COMPLETED);
    }

    @Test
    void aWellRunDepartmentLosesNoPoint() {
        var result = rubric.evaluate(department().build());

        assertThat(result).hasNoItems().hasTotal("100").hasGrade("优秀");
    }

    @Test
    void a1_anUnfinishedTaskPastItsDeadlineAtTheAssessmentCostsTwoPoints() {
        var result = rubric.evaluate(department().with(open("T-1", "机关党组织换届", "2026-09-30")).build());

        assertThat(result).hasTotal("98")
                .hasItem("A1").withPoints("-2").withReasonContaining("「机关党组织换届」").withReasonContaining("限2026年9月30日前完成，至考评日（2026年12月20日）仍未完成，已逾期81天").citing("T-1");
    }

    @Test
    void a1_anUnfinishedTaskDueAfterTheAssessmentDayOrAdjustedWithApprovalCostsNothing() {
        var result = rubric.evaluate(department()
                .with(open("T-1", "来宾接待工作规范修订", "2026-12-31"),
                      new TargetTask("T-2", "老干部活动中心改造", "王建华", day("2026-08-31"), null, TaskStatus.ADJUSTED))
                .build());

        assertThat(result).hasNoItem("A1").hasTotal("100");
    }

    @Test
    void a1_stopsAtTenPointsAndRecordsTheRestAsCapped() {
        var year = department();
        for (int i = 1; i <= 6; i++) {
            year.with(open("T-" + i, "任务" + i, "2026-06-30"));
        }

        var result = rubric.evaluate(year.build());

        assertThat(result).hasCategoryScore("targets", "20")
                .hasItem("A1").times(6).withPoints("-10").wasCapped();
    }

    @Test
    void a2_aTaskFinishedAfterItsDeadlineCostsOnePoint() {
        var result = rubric.evaluate(department().with(completed("T-1", "代表议案建议交办督办", "2026-10-31", "2026-11-18")).build());

        assertThat(result).hasTotal("99")
                .hasItem("A2").withPoints("-1").withReasonContaining("「代表议案建议交办督办」").withReasonContaining("2026年11月18日才完成，逾期18天");
    }

    @Test
    void a2_aTaskFinishedOnItsDeadlineCostsNothing() {
        var result = rubric.evaluate(department().with(completed("T-1", "代表议案建议交办督办", "2026-10-31", "2026-10-31")).build());

        assertThat(result).hasNoItem("A2").hasTotal("100");
    }

    @Test
    void a3_aTaskWithoutAResponsiblePersonCostsHalfAPointAndABlankNameIsNoName() {
        var result = rubric.evaluate(department()
                .with(new TargetTask("T-1", "人大信息工作", null, day("2026-12-15"), day("2026-12-12"), TaskStatus.COMPLETED),
                      new TargetTask("T-2", "代表履职培训", "  ", day("2026-06-30"), day("2026-06-26"), TaskStatus.COMPLETED))
                .build());

        assertThat(result).hasItem("A3").withItemPoints("-0.5", "-0.5").citing("T-1").citing("T-2");
    }

    @Test
    void a3_aTaskWithANamedResponsiblePersonOrAdjustedWithApprovalCostsNothing() {
        var result = rubric.evaluate(department()
                .with(completed("T-1", "人大信息工作", "2026-12-15", "2026-12-12"),
                      new TargetTask("T-2", "代表之家建设", null, day("2026-09-30"), null, TaskStatus.ADJUSTED))
                .build());

        assertThat(result).hasNoItem("A3").hasTotal("100");
    }

    @Test
    void a4_aKpiShortOfItsTargetCostsPointsInProportionToTheShortfall() {
        // 法院：执行案件157件结151件，结案率96.2%，目标98%：差1.8个百分点，1.8 × 0.2 = 0.36
        var court = new Kpi("K-1", "执行案件结案率", new BigDecimal("98"), new BigDecimal("96.2"), "%", true);
        // 人大办：议案建议平均办理时长32天，目标30天（越低越好）：2 ÷ 30 × 20 = 1.333… → 1.33
        var days = new Kpi("K-2", "议案建议平均办理时长", new BigDecimal("30"), new BigDecimal("32"), "天", false);

        var result = rubric.evaluate(department().with(court, days).build());

        assertThat(result).hasTotal("98.31")
                .hasItem("A4").withItemPoints("-0.36", "-1.33").withReasonContaining("指标「执行案件结案率」目标98%，实际96.2%，差1.8个百分点")
                .withReasonContaining("差2天（目标值的6.7%）");
    }

    @Test
    void a4_aKpiThatMeetsOrBeatsItsTargetCostsNothing() {
        var met = new Kpi("K-1", "查处违纪违法案件", new BigDecimal("20"), new BigDecimal("21"), "件", true);
        var exact = new Kpi("K-2", "提案办复率", new BigDecimal("100"), new BigDecimal("100"), "%", true);
        var lower = new Kpi("K-3", "文电办理平均时长", new BigDecimal("3"), new BigDecimal("2.5"), "天", false);

        var result = rubric.evaluate(department().with(met, exact, lower).build());

        assertThat(result).hasNoItem("A4").hasTotal("100");
    }

    @Test
    void a4_stopsAtEightPoints() {
        var half = new Kpi("K-1", "光彩事业帮扶资金到位率", new BigDecimal("100"), new BigDecimal("50"), "%", true);

        var result = rubric.evaluate(department().with(half).build());

        assertThat(result).hasCategoryScore("targets", "22")
                .hasItem("A4").withItemPoints("-10").withPoints("-8").wasCapped();
    }
}
