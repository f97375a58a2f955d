package dev.rubric.rules;

import dev.rubric.api.ItemKind;
import dev.rubric.api.Rubric;
import dev.rubric.model.EvidenceRecord;
import dev.rubric.testkit.RubricTest;
import org.junit.jupiter.api.Test;

import static dev.rubric.testkit.RubricAssertions.assertThat;
import static dev.rubric.testkit.model.DepartmentBuilder.day;
import static dev.rubric.testkit.model.DepartmentBuilder.department;

/** 工作痕迹 (records.drl): E1–E2. The assessment is on 2026-12-20, so its 30-day window opens on 2026-11-20. */
@RubricTest(value = "classpath:rubrics/party-mass-efficiency", covers = "records.drl", minCoverage = 100)
class RecordsRulesTest {

    private final Rubric rubric;

    RecordsRulesTest(Rubric rubric) {
        this.rubric = rubric;
    }

    private static EvidenceRecord record(String id, String covers, String madeOn) {
        return new EvidenceRecord(id, "职工之家建设推进会会议记录", day(covers), day(madeOn));
    }

    @Test
    void e1_aRecordMadeJustBeforeTheAssessmentForAnActivityLongBeforeCostsOnePoint() {
        var result = rubric.evaluate(department().with(record("R-1", "2026-04-22", "2026-12-02")).build());

        assertThat(result).hasTotal("99")
                .hasItem("E1").withPoints("-1").citing("R-1")
                .withReasonContaining("台账「职工之家建设推进会会议记录」记录2026年4月22日的活动，却在2026年12月2日（考评前18天）才制作");
    }

    @Test
    void e1_countsFromTheFirstDayOfTheWindowAndForActivitiesMoreThanSixtyDaysEarlier() {
        var result = rubric.evaluate(department()
                .with(record("R-1", "2026-09-20", "2026-11-20"),  // 61 days before it was made, on the window's first day
                      record("R-2", "2026-09-21", "2026-11-20"),  // 60 days: not more than sixty
                      record("R-3", "2026-03-18", "2026-11-19"),  // made before the window
                      record("R-4", "2026-03-18", "2026-12-21"))  // made after the assessment
                .build());

        assertThat(result).hasItem("E1").times(1).citing("R-1");
    }

    @Test
    void e1_recordsKeptAsTheWorkWasDoneCostNothing() {
        var result = rubric.evaluate(department()
                .with(record("R-1", "2026-03-18", "2026-03-18"), record("R-2", "2026-10-10", "2026-12-01"))
                .build());

        assertThat(result).hasNoItem("E1").hasTotal("100");
    }

    @Test
    void e2_aUnitCaughtBackfillingCannotBeRatedExcellentAndIsToldOnce() {
        var result = rubric.evaluate(department()
                .with(record("R-1", "2026-04-22", "2026-12-02"), record("R-2", "2026-06-15", "2026-12-03"))
                .build());

        assertThat(result).hasTotal("98").hasGrade("良好")
                .hasItem("E2").ofKind(ItemKind.GRADE_LIMIT).withPoints("0").withReasonContaining("2份").citing("R-1").citing("R-2");
    }

    @Test
    void e2_aUnitWithoutBackfilledRecordsKeepsItsGrade() {
        var result = rubric.evaluate(department().with(record("R-1", "2026-03-18", "2026-03-19")).build());

        assertThat(result).hasNoItem("E2").hasGrade("优秀");
    }

    @Test
    void theBuildersBackfilledRecordCostsOnePointAndTheExcellentGrade() {
        var result = rubric.evaluate(department().withBackfilledRecord("党建工作会议记录").build());

        assertThat(result).hasTotal("99").hasGrade("良好").hasItem("E1").withPoints("-1").hasItem("E2");
    }

    @Test
    void e3_aUnitThatKeptNoWorkRecordsAtAllLosesFivePoints() {
        var result = rubric.evaluate(department().without(f -> f instanceof EvidenceRecord).build());

        assertThat(result).hasTotal("95").hasItem("E3").withPoints("-5").withReasonContaining("没有一份平时按时制作的工作台账");
    }
}
