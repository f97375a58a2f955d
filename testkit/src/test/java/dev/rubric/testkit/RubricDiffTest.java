package dev.rubric.testkit;

import dev.rubric.api.Subject;
import dev.rubric.model.CommendationLevel;
import dev.rubric.model.ViolationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static dev.rubric.testkit.model.DepartmentBuilder.department;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The impact of a rubric change: rule-level changes, and each subject's movement with the items behind it. */
class RubricDiffTest {

    /** A cohort of four: a late task (9), an unfinished task (8), a commendation (11), both faults (7). */
    private static final List<Subject> COHORT = List.of(
            department("D01", "甲单位").withLateTask("机要保密检查").build(),
            department("D02", "乙单位").withUnfinishedTask("换届").withViolation(ViolationKind.LAZINESS, "工作时间脱岗").build(),
            department("D03", "丙单位").withCommendation("党建", CommendationLevel.CITY).build(),
            department("D04", "丁单位").withLateTask("信息报送").withUnfinishedTask("培训").build());

    @TempDir
    Path dir;

    private Path before;
    private Path after;

    @BeforeEach
    void twoCopiesOfTheMiniRubric() {
        before = MiniRubric.copyTo(dir.resolve("before"));
        after = MiniRubric.copyTo(dir.resolve("after"));
    }

    private static RubricDiff.SubjectChange change(RubricDiff diff, String id) {
        return diff.subjects().stream().filter(s -> s.subject().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theSameRubricChangesNothing() {
        RubricDiff diff = RubricDiff.compare(before.toString(), after.toString(), COHORT);

        assertThat(diff.rules()).isEmpty();
        assertThat(diff.subjects()).noneMatch(RubricDiff.SubjectChange::changed);
        assertThat(diff.largestMove()).isEqualByComparingTo("0");
        assertThat(diff.report()).contains("rule changes: none").contains("  no subject changed\n")
                .contains("summary: 4 subjects; 0 changed total, 0 changed grade, 0 moved up, 0 moved down, 0 gained a veto, 0 lost a veto; largest move 0 points");
    }

    @Test
    void aRuleWhosePointsChangeIsChangedAndMovesTheSubjectsItHits() {
        MiniRubric.edit(after, "targets.drl", "score.deduct(1, \"目标任务「\"", "score.deduct(2, \"目标任务「\"");

        RubricDiff diff = RubricDiff.compare(before.toString(), after.toString(), COHORT);

        assertThat(diff.rules()).extracting(RubricDiff.RuleChange::rule, RubricDiff.RuleChange::kind, RubricDiff.RuleChange::detail)
                .containsExactly(tuple("T1", RubricDiff.RuleChange.Kind.CHANGED, "conditions or points changed (targets.drl:9)"));
        RubricDiff.SubjectChange d01 = change(diff, "D01");
        assertThat(d01.totalBefore()).isEqualByComparingTo("9");
        assertThat(d01.totalAfter()).isEqualByComparingTo("8");
        assertThat(d01.move()).isEqualByComparingTo("-1");
        assertThat(d01.gradeBefore()).isEqualTo("优秀");
        assertThat(d01.gradeAfter()).isEqualTo("合格");
        assertThat(d01.items()).containsExactly(new RubricDiff.ItemChange("T1", new BigDecimal("-1"), new BigDecimal("-2")));
        // D02 did not move, but D01 came down to its 8 points: they now share rank 2
        assertThat(change(diff, "D02")).satisfies(d02 -> {
            assertThat(d02.move()).isEqualByComparingTo("0");
            assertThat(d02.rankBefore()).isEqualTo(3);
            assertThat(d02.rankAfter()).isEqualTo(2);
            assertThat(d02.items()).isEmpty();
        });
        assertThat(diff.subjects()).filteredOn(RubricDiff.SubjectChange::changed).extracting(s -> s.subject().id())
                .containsExactly("D01", "D02", "D04");
        assertThat(diff.changedGrade()).isEqualTo(1);
        assertThat(diff.movedUp()).isEqualTo(1);
        assertThat(diff.movedDown()).isZero();
        assertThat(diff.largestMove()).isEqualByComparingTo("1");
        assertThat(diff.report())
                .contains("  CHANGED  T1  conditions or points changed (targets.drl:9)\n")
                .contains("      ~ T1: -1 -> -2\n")
                .contains("优秀 -> 合格");
    }

    @Test
    void addedRemovedAndRecappedRulesAreListedWithTheirPlaces() {
        MiniRubric.delete(after, "bonus.drl");
        MiniRubric.edit(after, "targets.drl", "@id(\"T1\") @category(\"targets\") @max(2)", "@id(\"T1\") @category(\"targets\") @max(1)");
        MiniRubric.write(after, "responsible.drl", """
                package rubrics.mini;

                import dev.rubric.model.*;

                global dev.rubric.api.ScoreSheet score;

                // T3 目标任务未明确责任人的，每项扣0.5分。
                rule "T3 目标任务未明确责任人"
                    @id("T3") @category("targets")
                when
                    $t : TargetTask( responsible == null )
                then
                    score.deduct(0.5, "目标任务「" + $t.title() + "」未明确责任人", $t);
                end
                """);

        RubricDiff diff = RubricDiff.compare(before.toString(), after.toString(), COHORT);

        assertThat(diff.rules()).extracting(RubricDiff.RuleChange::rule, RubricDiff.RuleChange::kind).containsExactly(
                tuple("G1", RubricDiff.RuleChange.Kind.REMOVED),
                tuple("T3", RubricDiff.RuleChange.Kind.ADDED),
                tuple("T1", RubricDiff.RuleChange.Kind.CHANGED));
        assertThat(diff.rules()).extracting(RubricDiff.RuleChange::detail).containsExactly(
                "G1 表彰 (was bonus.drl:9)", "T3 目标任务未明确责任人 at responsible.drl:8", "@max 2 -> 1 (targets.drl:9)");
        RubricDiff.SubjectChange d03 = change(diff, "D03");
        assertThat(d03.move()).isEqualByComparingTo("-1");
        assertThat(d03.rankBefore()).isEqualTo(1);
        assertThat(d03.items()).containsExactly(new RubricDiff.ItemChange("G1", new BigDecimal("1"), null));
        assertThat(diff.report()).contains("      - G1: item gone (was +1)\n").contains("  REMOVED  G1  G1 表彰 (was bonus.drl:9)\n");
    }

    @Test
    void aNewVetoIsCountedInTheSummary() {
        MiniRubric.edit(after, "veto.drl", "kind == ViolationKind.EIGHT_PROHIBITIONS", "kind == ViolationKind.EIGHT_PROHIBITIONS || kind == ViolationKind.LAZINESS");

        RubricDiff diff = RubricDiff.compare(before.toString(), after.toString(), COHORT);

        assertThat(diff.gainedVeto()).isEqualTo(1);
        assertThat(diff.subjects()).filteredOn(RubricDiff.SubjectChange::vetoedAfter)
                .extracting(s -> s.subject().id(), RubricDiff.SubjectChange::gradeBefore, RubricDiff.SubjectChange::gradeAfter)
                .containsExactly(tuple("D02", "合格", "不合格"));
        assertThat(diff.report()).contains("      gained a veto\n").contains("      + V1: new item 0\n").contains("1 gained a veto");
    }

    @Test
    void manifestChangesAreListedApartFromRuleChanges() {
        MiniRubric.edit(after, "rubric.yaml", "{ id: 优秀, min: 9, quota: 0.5 }", "{ id: 优秀, min: 9, quota: 0.25 }");
        MiniRubric.edit(after, "rubric.yaml", "    max: 2\n    mode: earn", "    max: 3\n    mode: earn");
        MiniRubric.edit(after, "rubric.yaml", "effect: fail", "effect: zero");

        RubricDiff diff = RubricDiff.compare(before.toString(), after.toString(), COHORT);

        assertThat(diff.rules()).isEmpty();
        assertThat(diff.manifest()).extracting(RubricDiff.ManifestChange::toString).containsExactly(
                "category bonus max: 2 -> 3", "grade 优秀 quota: 0.5 -> 0.25", "veto effect: fail -> zero");
        // one place for 优秀 instead of two: 甲单位 (9) drops to 合格 behind 丙单位 (11)
        assertThat(change(diff, "D01").gradeAfter()).isEqualTo("合格");
        assertThat(diff.report()).startsWith("rubric mini 1").contains("""
                manifest changes:
                  category bonus max: 2 -> 3
                  grade 优秀 quota: 0.5 -> 0.25
                  veto effect: fail -> zero
                rule changes: none
                """);
    }

    @Test
    void theFactsJsonFormReadsTheCohortWithEachRubric() {
        MiniRubric.edit(after, "targets.drl", "score.deduct(2, \"目标任务「\"", "score.deduct(3, \"目标任务「\"");
        byte[] json = """
                [ { "id": "D02", "name": "乙单位", "facts": [
                    { "type": "AssessmentPeriod", "id": "2026年度", "year": 2026, "kind": "ANNUAL", "start": "2026-01-01", "end": "2026-12-31", "assessedOn": "2026-12-20" },
                    { "type": "TargetTask", "id": "T-1", "title": "换届", "responsible": "王芳", "deadline": "2026-09-30", "completedOn": null, "status": "IN_PROGRESS" } ] } ]
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        RubricDiff diff = RubricDiff.compare(before.toString(), after.toString(), json, "cohort.json");

        assertThat(diff.subjects()).singleElement().satisfies(s -> {
            assertThat(s.totalBefore()).isEqualByComparingTo("8");
            assertThat(s.totalAfter()).isEqualByComparingTo("7");
            assertThat(s.items()).containsExactly(new RubricDiff.ItemChange("T2", new BigDecimal("-2"), new BigDecimal("-3")));
        });
        assertThat(diff.rules()).extracting(RubricDiff.RuleChange::rule).containsExactly("T2");
    }

    /** Guards the planted bug "RubricDiff misses a change of a category's min": a new floor is listed and stops the fall it stops. */
    @Test
    void aCategorysNewFloorIsListedWithTheTotalsItRaises() {
        MiniRubric.edit(after, "rubric.yaml", "    name: 目标任务\n    max: 10", "    name: 目标任务\n    max: 10\n    min: 8.5");

        RubricDiff diff = RubricDiff.compare(before.toString(), after.toString(), COHORT);

        assertThat(diff.manifest()).extracting(RubricDiff.ManifestChange::toString).containsExactly("category targets min: 0 -> 8.5");
        assertThat(change(diff, "D04").totalBefore()).isEqualByComparingTo("7");
        assertThat(change(diff, "D04").totalAfter()).isEqualByComparingTo("8.5");
        assertThat(diff.report()).contains("manifest changes:\n  category targets min: 0 -> 8.5\n");
    }
}
