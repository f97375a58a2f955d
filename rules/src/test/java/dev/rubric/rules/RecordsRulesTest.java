package dev.rubric.rules;

import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.model.EvidenceRecord;
import org.junit.jupiter.api.Test;

import static dev.rubric.rules.DepartmentYear.day;
import static dev.rubric.rules.DepartmentYear.wellRun;
import static org.assertj.core.api.Assertions.assertThat;

/** 工作痕迹 (records.drl): E1–E2. The assessment is on 2026-12-20, so its 30-day window opens on 2026-11-20. */
class RecordsRulesTest {

    private static EvidenceRecord record(String id, String covers, String madeOn) {
        return new EvidenceRecord(id, "职工之家建设推进会会议记录", day(covers), day(madeOn));
    }

    @Test
    void e1_aRecordMadeJustBeforeTheAssessmentForAnActivityLongBeforeCostsOnePoint() {
        var outcome = wellRun().with(record("R-1", "2026-04-22", "2026-12-02")).evaluate();

        assertThat(outcome.points("E1")).as(outcome.explanation()).containsExactly("-1");
        var item = outcome.only("E1", ItemKind.DEDUCTION);
        assertThat(item.reason()).contains("「职工之家建设推进会会议记录」").contains("2026-04-22").contains("2026-12-02");
        assertThat(item.evidence()).extracting(Evidence::id).containsExactly("R-1");
    }

    @Test
    void e1_countsFromTheFirstDayOfTheWindowAndForActivitiesMoreThanSixtyDaysEarlier() {
        var outcome = wellRun()
                .with(record("R-1", "2026-09-20", "2026-11-20"),  // 61 days before it was made, on the window's first day
                      record("R-2", "2026-09-21", "2026-11-20"),  // 60 days: not more than sixty
                      record("R-3", "2026-03-18", "2026-11-19"),  // made before the window
                      record("R-4", "2026-03-18", "2026-12-21"))  // made after the assessment
                .evaluate();

        assertThat(outcome.items("E1")).as(outcome.explanation()).hasSize(1)
                .flatExtracting(i -> i.evidence()).extracting(Evidence::id).containsExactly("R-1");
    }

    @Test
    void e1_recordsKeptAsTheWorkWasDoneCostNothing() {
        var outcome = wellRun()
                .with(record("R-1", "2026-03-18", "2026-03-18"), record("R-2", "2026-10-10", "2026-12-01"))
                .evaluate();

        assertThat(outcome.items("E1")).as(outcome.explanation()).isEmpty();
    }

    @Test
    void e2_aUnitCaughtBackfillingCannotBeRatedExcellentAndIsToldOnce() {
        var outcome = wellRun()
                .with(record("R-1", "2026-04-22", "2026-12-02"), record("R-2", "2026-06-15", "2026-12-03"))
                .evaluate();

        var limit = outcome.only("E2", ItemKind.GRADE_LIMIT);
        assertThat(limit.grade()).isEqualTo("良好");
        assertThat(limit.reason()).contains("2份");
        assertThat(limit.evidence()).extracting(Evidence::id).containsExactlyInAnyOrder("R-1", "R-2");
        assertThat(outcome.total()).isEqualTo("98");
        assertThat(outcome.evaluation().grade()).as(outcome.explanation()).isEqualTo("良好");
    }

    @Test
    void e2_aUnitWithoutBackfilledRecordsKeepsItsGrade() {
        var outcome = wellRun().with(record("R-1", "2026-03-18", "2026-03-19")).evaluate();

        assertThat(outcome.items("E2")).as(outcome.explanation()).isEmpty();
        assertThat(outcome.evaluation().grade()).isEqualTo("优秀");
    }
}
