package dev.rubric.rules;

import dev.rubric.api.Rubric;
import dev.rubric.model.ServiceCase;
import dev.rubric.testkit.RubricTest;
import org.junit.jupiter.api.Test;

import static dev.rubric.testkit.RubricAssertions.assertThat;
import static dev.rubric.testkit.model.DepartmentBuilder.day;
import static dev.rubric.testkit.model.DepartmentBuilder.department;

/** 服务效能 (service.drl): C1–C3. */
@RubricTest(value = "classpath:rubrics/party-mass-efficiency", covers = "service.drl", minCoverage = 100)
class ServiceRulesTest {

    private final Rubric rubric;

    ServiceRulesTest(Rubric rubric) {
        this.rubric = rubric;
    }

    private static ServiceCase finished(String id, String received, int days, String finished) {
        return new ServiceCase(id, "困难职工救助申请", day(received), days, day(finished), false, false);
    }

    @Test
    void c1_aCaseFinishedAfterItsPromisedWorkingDaysOrStillOpenPastThemCostsHalfAPoint() {
        // 10 working days from Monday 8 June 2026 run to the 23rd: two weekends and the Dragon Boat holiday (19 June)
        var result = rubric.evaluate(department()
                .with(finished("C-1", "2026-06-08", 10, "2026-06-24"),
                      finished("C-2", "2026-11-23", 15, null))
                .build());

        assertThat(result).hasTotal("99")
                .hasItem("C1").withItemPoints("-0.5", "-0.5")
                .withReasonContaining("2026年6月8日受理，承诺10个工作日内办结（应于2026年6月23日前），2026年6月24日才办结，超时1个工作日")
                .withReasonContaining("至考评日仍未办结，超时4个工作日");
    }

    @Test
    void c1_aCaseFinishedOnItsLastDayOrOpenButStillWithinItsTimeCostsNothing() {
        var result = rubric.evaluate(department()
                .with(finished("C-1", "2026-06-08", 10, "2026-06-23"),
                      finished("C-2", "2026-12-14", 10, null))
                .build());

        assertThat(result).hasNoItem("C1").hasTotal("100");
    }

    @Test
    void c1_weekendsAndHolidaysDoNotCountAgainstTheTimeLimit() {
        var result = rubric.evaluate(department()
                .with(finished("C-1", "2026-10-22", 3, "2026-10-26"),   // received Thursday, finished Monday
                      finished("C-2", "2026-04-29", 3, "2026-05-07"),   // the May Day holiday runs 1 to 5 May
                      finished("C-3", "2026-09-30", 1, "2026-10-08"))   // the National Day holiday runs 1 to 7 October
                .build());

        assertThat(result).hasNoItem("C1").hasTotal("100");
    }

    @Test
    void c2_aCasePassedOnByTheFirstPersonAskedCostsOnePoint() {
        var passedOn = new ServiceCase("C-1", "待遇政策咨询", day("2026-10-19"), 5, day("2026-10-22"), true, false);

        var result = rubric.evaluate(department().with(passedOn).build());

        assertThat(result).hasTotal("99").hasItem("C2").withPoints("-1").citing("C-1");
    }

    @Test
    void c2_aCaseSeenThroughByTheFirstPersonAskedCostsNothing() {
        var result = rubric.evaluate(department().with(finished("C-1", "2026-10-19", 5, "2026-10-22")).build());

        assertThat(result).hasNoItem("C2").hasTotal("100");
    }

    @Test
    void c3_aVerifiedComplaintCostsOneAndAHalfPoints() {
        var complained = new ServiceCase("C-1", "涉密载体销毁申请", day("2026-10-26"), 5, day("2026-10-30"), false, true);

        var result = rubric.evaluate(department().with(complained).build());

        assertThat(result).hasTotal("98.5")
                .hasItem("C3").withPoints("-1.5").withReasonContaining("「涉密载体销毁申请」").withReasonContaining("经查属实");
    }

    @Test
    void c3_aCaseWithoutAVerifiedComplaintCostsNothing() {
        var result = rubric.evaluate(department().with(finished("C-1", "2026-10-26", 5, "2026-10-30")).build());

        assertThat(result).hasNoItem("C3").hasTotal("100");
    }

    @Test
    void theBuildersServiceCasesEachCostWhatTheirRuleSays() {
        var result = rubric.evaluate(department()
                .withLateServiceCase("档案查阅").withPassedOnServiceCase("政策咨询").withVerifiedComplaint("证明开具")
                .build());

        assertThat(result).hasTotal("97")
                .hasItem("C1").withPoints("-0.5")
                .hasItem("C2").withPoints("-1")
                .hasItem("C3").withPoints("-1.5");
    }
}
