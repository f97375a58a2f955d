package dev.rubric.rules;

import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.model.ServiceCase;
import org.junit.jupiter.api.Test;

import static dev.rubric.rules.DepartmentYear.day;
import static dev.rubric.rules.DepartmentYear.wellRun;
import static org.assertj.core.api.Assertions.assertThat;

/** 服务效能 (service.drl): C1–C3. */
class ServiceRulesTest {

    private static ServiceCase finished(String id, String received, int days, String finished) {
        return new ServiceCase(id, "困难职工救助申请", day(received), days, finished == null ? null : day(finished), false, false);
    }

    @Test
    void c1_aCaseFinishedAfterItsPromisedTimeOrStillOpenPastItCostsHalfAPoint() {
        var outcome = wellRun()
                .with(finished("C-1", "2026-06-08", 10, "2026-06-19"),
                      finished("C-2", "2026-11-23", 15, null))
                .evaluate();

        assertThat(outcome.points("C1")).as(outcome.explanation()).containsExactly("-0.5", "-0.5");
        assertThat(outcome.items("C1")).extracting(i -> i.reason())
                .anySatisfy(r -> assertThat(r).contains("2026-06-18").contains("2026-06-19才办结"))
                .anySatisfy(r -> assertThat(r).contains("至考评日仍未办结"));
    }

    @Test
    void c1_aCaseFinishedOnItsLastDayOrOpenButStillWithinItsTimeCostsNothing() {
        var outcome = wellRun()
                .with(finished("C-1", "2026-06-08", 10, "2026-06-18"),
                      finished("C-2", "2026-12-14", 10, null))
                .evaluate();

        assertThat(outcome.items("C1")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void c2_aCasePassedOnByTheFirstPersonAskedCostsOnePoint() {
        var passedOn = new ServiceCase("C-1", "待遇政策咨询", day("2026-10-19"), 5, day("2026-10-22"), true, false);

        var outcome = wellRun().with(passedOn).evaluate();

        assertThat(outcome.points("C2")).as(outcome.explanation()).containsExactly("-1");
        assertThat(outcome.only("C2", ItemKind.DEDUCTION).evidence()).extracting(Evidence::id).containsExactly("C-1");
    }

    @Test
    void c2_aCaseSeenThroughByTheFirstPersonAskedCostsNothing() {
        var outcome = wellRun().with(finished("C-1", "2026-10-19", 5, "2026-10-22")).evaluate();

        assertThat(outcome.items("C2")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void c3_aVerifiedComplaintCostsOneAndAHalfPoints() {
        var complained = new ServiceCase("C-1", "涉密载体销毁申请", day("2026-10-26"), 5, day("2026-10-30"), false, true);

        var outcome = wellRun().with(complained).evaluate();

        assertThat(outcome.points("C3")).as(outcome.explanation()).containsExactly("-1.5");
        assertThat(outcome.only("C3", ItemKind.DEDUCTION).reason()).contains("「涉密载体销毁申请」").contains("经查属实");
    }

    @Test
    void c3_aCaseWithoutAVerifiedComplaintCostsNothing() {
        var outcome = wellRun().with(finished("C-1", "2026-10-26", 5, "2026-10-30")).evaluate();

        assertThat(outcome.items("C3")).as(outcome.explanation()).isEmpty();
    }
}
