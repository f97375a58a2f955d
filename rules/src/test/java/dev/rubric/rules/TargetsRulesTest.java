package dev.rubric.rules;

import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.model.Kpi;
import dev.rubric.model.TargetTask;
import dev.rubric.model.TaskStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.rubric.rules.DepartmentYear.day;
import static dev.rubric.rules.DepartmentYear.wellRun;
import static org.assertj.core.api.Assertions.assertThat;

/** 目标任务 (targets.drl): A1–A4. */
class TargetsRulesTest {

    private static TargetTask open(String id, String title, String deadline) {
        return new TargetTask(id, title, "王建华", day(deadline), null, TaskStatus.IN_PROGRESS);
    }

    private static TargetTask completed(String id, String title, String deadline, String completedOn) {
        return new TargetTask(id, title, "王建华", day(deadline), day(completedOn), TaskStatus.COMPLETED);
    }

    @Test
    void aWellRunDepartmentLosesNoPoint() {
        var outcome = wellRun().evaluate();

        assertThat(outcome.evaluation().items()).as(outcome.explanation()).isEmpty();
        assertThat(outcome.total()).isEqualTo("100");
    }

    @Test
    void a1_anUnfinishedTaskPastItsDeadlineAtTheAssessmentCostsTwoPoints() {
        var outcome = wellRun().with(open("T-1", "机关党组织换届", "2026-09-30")).evaluate();

        assertThat(outcome.points("A1")).as(outcome.explanation()).containsExactly("-2");
        var item = outcome.only("A1", ItemKind.DEDUCTION);
        assertThat(item.reason()).contains("「机关党组织换届」").contains("2026-09-30");
        assertThat(item.evidence()).extracting(Evidence::id).containsExactly("T-1");
    }

    @Test
    void a1_anUnfinishedTaskDueAfterTheAssessmentDayOrAdjustedWithApprovalCostsNothing() {
        var outcome = wellRun()
                .with(open("T-1", "来宾接待工作规范修订", "2026-12-31"),
                      new TargetTask("T-2", "老干部活动中心改造", "王建华", day("2026-08-31"), null, TaskStatus.ADJUSTED))
                .evaluate();

        assertThat(outcome.items("A1")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void a1_stopsAtTenPointsAndRecordsTheRestAsCapped() {
        var year = wellRun();
        for (int i = 1; i <= 6; i++) {
            year.with(open("T-" + i, "任务" + i, "2026-06-30"));
        }
        var outcome = year.evaluate();

        assertThat(outcome.points("A1")).as(outcome.explanation()).hasSize(6).containsOnly("-2");
        assertThat(outcome.only("A1", ItemKind.CAP).points()).isEqualByComparingTo("2");
        assertThat(outcome.category("targets")).isEqualTo("20");
    }

    @Test
    void a2_aTaskFinishedAfterItsDeadlineCostsOnePoint() {
        var outcome = wellRun().with(completed("T-1", "代表议案建议交办督办", "2026-10-31", "2026-11-18")).evaluate();

        assertThat(outcome.points("A2")).as(outcome.explanation()).containsExactly("-1");
        assertThat(outcome.only("A2", ItemKind.DEDUCTION).reason()).contains("「代表议案建议交办督办」").contains("2026-11-18");
    }

    @Test
    void a2_aTaskFinishedOnItsDeadlineCostsNothing() {
        var outcome = wellRun().with(completed("T-1", "代表议案建议交办督办", "2026-10-31", "2026-10-31")).evaluate();

        assertThat(outcome.items("A2")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void a3_aTaskWithoutAResponsiblePersonCostsHalfAPointAndABlankNameIsNoName() {
        var outcome = wellRun()
                .with(new TargetTask("T-1", "人大信息工作", null, day("2026-12-15"), day("2026-12-12"), TaskStatus.COMPLETED),
                      new TargetTask("T-2", "代表履职培训", "  ", day("2026-06-30"), day("2026-06-26"), TaskStatus.COMPLETED))
                .evaluate();

        assertThat(outcome.points("A3")).as(outcome.explanation()).containsExactly("-0.5", "-0.5");
        assertThat(outcome.items("A3")).extracting(i -> i.evidence().get(0).id()).containsExactlyInAnyOrder("T-1", "T-2");
    }

    @Test
    void a3_aTaskWithANamedResponsiblePersonOrAdjustedWithApprovalCostsNothing() {
        var outcome = wellRun()
                .with(completed("T-1", "人大信息工作", "2026-12-15", "2026-12-12"),
                      new TargetTask("T-2", "代表之家建设", null, day("2026-09-30"), null, TaskStatus.ADJUSTED))
                .evaluate();

        assertThat(outcome.items("A3")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void a4_aKpiShortOfItsTargetCostsPointsInProportionToTheShortfall() {
        // 法院：执行案件157件结151件，结案率96.2%，目标98%：1.8 ÷ 98 × 20 = 0.367… → 0.37
        var court = new Kpi("K-1", "执行案件结案率", new BigDecimal("98"), new BigDecimal("96.2"), "%", true);
        // 人大办：议案建议平均办理时长32天，目标30天（越低越好）：2 ÷ 30 × 20 = 1.333… → 1.33
        var days = new Kpi("K-2", "议案建议平均办理时长", new BigDecimal("30"), new BigDecimal("32"), "天", false);

        var outcome = wellRun().with(court, days).evaluate();

        assertThat(outcome.points("A4")).as(outcome.explanation()).containsExactlyInAnyOrder("-0.37", "-1.33");
        assertThat(outcome.items("A4")).extracting(i -> i.reason())
                .anySatisfy(r -> assertThat(r).contains("「执行案件结案率」").contains("98%").contains("96.2%"));
    }

    @Test
    void a4_aKpiThatMeetsOrBeatsItsTargetCostsNothing() {
        var met = new Kpi("K-1", "查处违纪违法案件", new BigDecimal("20"), new BigDecimal("21"), "件", true);
        var exact = new Kpi("K-2", "提案办复率", new BigDecimal("100"), new BigDecimal("100"), "%", true);
        var lower = new Kpi("K-3", "文电办理平均时长", new BigDecimal("3"), new BigDecimal("2.5"), "天", false);

        var outcome = wellRun().with(met, exact, lower).evaluate();

        assertThat(outcome.items("A4")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void a4_stopsAtEightPoints() {
        var half = new Kpi("K-1", "光彩事业帮扶资金到位率", new BigDecimal("100"), new BigDecimal("50"), "%", true);

        var outcome = wellRun().with(half).evaluate();

        assertThat(outcome.points("A4")).as(outcome.explanation()).containsExactly("-10");
        assertThat(outcome.only("A4", ItemKind.CAP).points()).isEqualByComparingTo("2");
        assertThat(outcome.category("targets")).isEqualTo("22");
    }
}
