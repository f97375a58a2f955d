package dev.rubric.rules;

import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import dev.rubric.testkit.RubricCopy;
import dev.rubric.testkit.RubricDiff;
import dev.rubric.testkit.RubricDiff.ItemChange;
import dev.rubric.testkit.RubricDiff.ManifestChange;
import dev.rubric.testkit.RubricDiff.RuleChange;
import dev.rubric.testkit.RubricDiff.SubjectChange;
import dev.rubric.testkit.RubricTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What a change to the bundled rubric would do to the 21 sample departments, before it is made: the
 * rubric is copied, edited, and both versions evaluate the sample cohort ({@link RubricDiff}).
 */
@RubricTest(BundledRubric.LOCATION)
class CohortImpactTest {

    /** The sample departments with two late-finished target tasks; every other department has one. */
    private static final List<String> TWO_LATE_TASKS = List.of("D01", "D04", "D05", "D09", "D12", "D18", "D20", "D21");

    @TempDir
    static Path dir;

    private static List<Subject> cohort;

    @BeforeAll
    static void readTheSampleCohort(Rubric rubric) throws IOException {
        cohort = SampleCohortTest.sampleCohort(rubric);
    }

    private static Map<String, SubjectChange> bySubject(RubricDiff diff) {
        return diff.subjects().stream().collect(Collectors.toMap(s -> s.subject().id(), s -> s));
    }

    @Test
    void doublingTheLateTaskDeductionCostsEveryDepartmentOneOrTwoPointsAndReordersThreePlaces() {
        Path doubled = RubricCopy.of(BundledRubric.LOCATION, dir.resolve("a2-two-points"))
                .edit("targets.drl", "score.deduct(1, \"目标任务「\"", "score.deduct(2, \"目标任务「\"").folder();

        RubricDiff diff = RubricDiff.compare(BundledRubric.LOCATION, doubled.toString(), cohort);

        assertThat(diff.rules()).extracting(RuleChange::rule, RuleChange::kind, RuleChange::detail)
                .containsExactly(tuple("A2", RuleChange.Kind.CHANGED, "conditions or points changed (targets.drl:45)"));
        assertThat(diff.manifest()).isEmpty();
        // every department finished at least one target task late: each loses as many points as it had A2 items
        Map<String, SubjectChange> subjects = bySubject(diff);
        assertThat(subjects).hasSize(21).allSatisfy((id, s) -> {
            BigDecimal lateTasks = TWO_LATE_TASKS.contains(id) ? new BigDecimal("2") : BigDecimal.ONE;
            assertThat(s.move()).as(id).isEqualByComparingTo(lateTasks.negate());
            assertThat(s.items()).as(id).containsExactly(new ItemChange("A2", lateTasks.negate(), lateTasks.negate().multiply(new BigDecimal("2"))));
        });
        // no grade changes: the lowest 良好, 政法委 at 81.32, has one late task and stays above 80
        assertThat(diff.subjects()).filteredOn(s -> !s.gradeBefore().equals(s.gradeAfter())).isEmpty();
        // places change where a unit with one late task passes units with two: 检察院 passes 团县委 and 组织部
        // (档案局, vetoed, ranks last before and after: ranking.vetoed is last)
        assertThat(diff.subjects()).filteredOn(s -> s.rankBefore() != s.rankAfter())
                .extracting(s -> s.subject().id(), SubjectChange::rankBefore, SubjectChange::rankAfter)
                .containsExactlyInAnyOrder(tuple("D10", 9, 7), tuple("D12", 7, 8), tuple("D05", 8, 9));
        // the tie at the 优秀 quota's cut survives the change: 宣传部 and 妇联 both lose one point and both stay 良好
        assertThat(List.of(subjects.get("D06"), subjects.get("D11"))).allSatisfy(s -> {
            assertThat(s.totalAfter()).isEqualByComparingTo("92.34");
            assertThat(s.gradeAfter()).isEqualTo("良好");
            assertThat(s.rankAfter()).isEqualTo(4);
        });
        assertThat(diff.largestMove()).isLessThanOrEqualTo(new BigDecimal("2"));
        assertThat(diff.changedGrade()).isZero();
        assertThat(diff.movedUp()).isEqualTo(1);
        assertThat(diff.movedDown()).isEqualTo(2);
        assertThat(diff.gainedVeto()).isZero();
        assertThat(diff.report())
                .contains("  CHANGED  A2  conditions or points changed (targets.drl:45)\n")
                .contains("summary: 21 subjects; 21 changed total, 0 changed grade, 1 moved up, 2 moved down, 0 gained a veto, 0 lost a veto; largest move 2 points");
    }

    @Test
    void aQuotaOfAQuarterLetsTheTwoDepartmentsTiedAtTheCutBeExcellent() {
        Path quarter = RubricCopy.of(BundledRubric.LOCATION, dir.resolve("quota-quarter"))
                .edit("rubric.yaml", "{ id: 优秀, min: 90, quota: 0.2 }", "{ id: 优秀, min: 90, quota: 0.25 }").folder();

        RubricDiff diff = RubricDiff.compare(BundledRubric.LOCATION, quarter.toString(), cohort);

        // 21 × 25% = 5 places instead of 4: the cut now falls below 宣传部 and 妇联 (93.34 each)
        assertThat(diff.rules()).isEmpty();
        assertThat(diff.manifest()).containsExactly(new ManifestChange("grade 优秀 quota", "0.2", "0.25"));
        assertThat(diff.subjects()).filteredOn(SubjectChange::changed)
                .extracting(s -> s.subject().id(), SubjectChange::gradeBefore, SubjectChange::gradeAfter)
                .containsExactlyInAnyOrder(tuple("D06", "良好", "优秀"), tuple("D11", "良好", "优秀"));
        assertThat(diff.largestMove()).isEqualByComparingTo("0");
        assertThat(diff.report()).contains("manifest changes:\n  grade 优秀 quota: 0.2 -> 0.25\nrule changes: none\n");
    }
}
