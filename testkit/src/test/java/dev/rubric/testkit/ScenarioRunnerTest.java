package dev.rubric.testkit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Scenario files run from a rubric folder: outcomes, the item diff of a failure, the report and the dynamic tests. */
class ScenarioRunnerTest {

    private static final String LATE_TASK_EXPECTING_TWO_POINTS = """
            name: 一项任务逾期完成扣2分（写错了）
            background: period.json
            facts:
              id: D01
              name: 甲单位
              facts:
                - { type: TargetTask, id: T-1, title: 机要保密检查, responsible: 王芳, deadline: 2026-06-30, completedOn: 2026-07-10, status: COMPLETED }
            expect:
              total: 8
              items: { T1: -2, G1: any }
              absent: [V1]
            """;

    @TempDir
    Path dir;

    /** The testkit's own small rubric, run the way a rubric's one-line test class runs its scenarios. */
    @TestFactory
    Stream<DynamicTest> theMiniRubricsScenariosPassWithFullCoverage() {
        return RubricScenarios.of(MiniRubric.LOCATION).withMinCoverage(100).tests();
    }

    @Test
    void passingScenariosAreReportedWithTheirNamesTheCoverageAndTheClosingLine() {
        ScenarioRun run = ScenarioRunner.run(MiniRubric.LOCATION);

        assertThat(run.results()).extracting(ScenarioResult::name)
                .containsExactly("表彰、未完成任务和否决，四个单位一起考评", "一项任务逾期完成扣1分");
        assertThat(run.passed()).isEqualTo(2);
        assertThat(run.succeeded(new BigDecimal("100"))).isTrue();
        assertThat(run.report(new BigDecimal("100"))).isEqualTo("""
                PASS  表彰、未完成任务和否决，四个单位一起考评  (scenarios/cohort.yaml)
                PASS  一项任务逾期完成扣1分  (scenarios/late-task.yaml)

                rule coverage: 100% of 8 outcomes (4 rules fired and not fired) over 5 evaluations
                2 passed, 0 failed
                """);
    }

    @Test
    void aFailingScenarioShowsEachMismatchTheItemDiffAndTheExplanation() {
        Path rubric = MiniRubric.copyTo(dir);
        MiniRubric.write(rubric, "scenarios/late-task.yaml", LATE_TASK_EXPECTING_TWO_POINTS);

        ScenarioRun run = ScenarioRunner.run(rubric.toString());

        ScenarioResult failed = run.results().stream().filter(r -> !r.passed()).findFirst().orElseThrow();
        assertThat(failed.file()).isEqualTo("scenarios/late-task.yaml");
        assertThat(String.join("\n", failed.failures()))
                .startsWith("""
                        total: expected 8, actual 9
                        items differ:
                          rule     expected   actual
                          G1       any        absent     <-- differs
                          T1       -2         -1         <-- differs
                          V1       absent     absent
                        ── 甲单位 (D01)  总分 9  等次 优秀
                           基础分 10 · 目标任务 9/10 · 加分项 0/2
                           扣分         -1  [T1] 目标任务「机要保密检查」逾期完成  targets.drl:9
                        """)
                .contains("目标任务 T-1：名称「机要保密检查」");   // the evidence, as the engine's explanation shows it
        assertThat(run.failed()).isEqualTo(1);
        assertThat(run.succeeded(null)).isFalse();
        assertThat(run.report(null))
                .contains("FAIL  一项任务逾期完成扣2分（写错了）  (scenarios/late-task.yaml)\n      total: expected 8, actual 9\n")
                .contains("        T1       -2         -1         <-- differs\n")
                .endsWith("1 passed, 1 failed\n");
    }

    @Test
    void aCohortScenarioNamesTheSubjectOfEachMismatch() {
        Path rubric = MiniRubric.copyTo(dir);
        MiniRubric.edit(rubric, "scenarios/cohort.yaml", "D03: { total: 8,  rank: 4, grade: 合格", "D03: { total: 8,  rank: 3, grade: 优秀");

        ScenarioResult cohort = ScenarioRunner.run(rubric.toString()).results().get(0);

        assertThat(cohort.failures()).contains("[D03] grade: expected 优秀, actual 合格", "[D03] rank: expected 3, actual 4");
    }

    @Test
    void anUnreadableScenarioFailsWithItsFileAndTheProblem() {
        Path rubric = MiniRubric.copyTo(dir);
        MiniRubric.write(rubric, "scenarios/typo.yaml", """
                name: 拼错了
                fact: []
                expect: { total: 10 }
                """);
        MiniRubric.write(rubric, "scenarios/no-background.yaml", """
                background: missing.json
                facts: { id: D01, facts: [] }
                expect: { total: 10 }
                """);

        ScenarioRun run = ScenarioRunner.run(rubric.toString());

        assertThat(run.results()).filteredOn(r -> r.file().equals("scenarios/typo.yaml")).singleElement()
                .satisfies(r -> assertThat(r.failures()).singleElement().asString()
                        .contains("scenarios/typo.yaml").contains("unknown key [fact]"));
        assertThat(run.results()).filteredOn(r -> r.file().equals("scenarios/no-background.yaml")).singleElement()
                .satisfies(r -> assertThat(r.failures()).singleElement().asString().contains("background file [scenarios/missing.json] does not exist"));
    }

    @Test
    void aScenarioNamesThePeriodItsSubjectsAreScoredFor() {
        // given a rule that counts a late task only when it was finished within the period
        Path rubric = MiniRubric.copyTo(dir);
        MiniRubric.edit(rubric, "targets.drl", "$t : TargetTask( status == TaskStatus.COMPLETED, completedOn > deadline )",
                "dev.rubric.api.Period( $s : start, $e : end )\n    $t : TargetTask( status == TaskStatus.COMPLETED, completedOn > deadline, completedOn >= $s, completedOn <= $e )");
        MiniRubric.write(rubric, "scenarios/first-half.yaml", """
                name: 上半年内没有逾期
                background: period.json
                period: 2026-H1
                facts:
                  id: D01
                  facts:
                    - { type: TargetTask, id: T-1, title: 机要保密检查, responsible: 王芳, deadline: 2026-06-30, completedOn: 2026-07-10, status: COMPLETED }
                expect:
                  absent: [T1]
                """);
        MiniRubric.write(rubric, "scenarios/bad-period.yaml", """
                period: 2026-Q5
                facts: { id: D01, facts: [] }
                expect: { total: 10 }
                """);

        // when
        ScenarioRun run = ScenarioRunner.run(rubric.toString());

        // then the late task of July is not counted in the first half, and still is without a period
        assertThat(run.results()).filteredOn(r -> r.file().equals("scenarios/first-half.yaml")).singleElement()
                .satisfies(r -> assertThat(r.failures()).isEmpty());
        assertThat(run.results()).filteredOn(r -> r.file().equals("scenarios/late-task.yaml")).singleElement()
                .satisfies(r -> assertThat(r.failures()).isEmpty());
        assertThat(run.results()).filteredOn(r -> r.file().equals("scenarios/bad-period.yaml")).singleElement()
                .satisfies(r -> assertThat(r.failures()).singleElement().asString()
                        .contains("scenarios/bad-period.yaml").contains("period [2026-Q5] is not one of the accepted forms"));
    }

    @Test
    void aBackgroundMustHoldOneSubject() {
        Path rubric = MiniRubric.copyTo(dir);
        MiniRubric.write(rubric, "scenarios/two.json", "[ { \"id\": \"A\", \"facts\": [] }, { \"id\": \"B\", \"facts\": [] } ]");
        MiniRubric.edit(rubric, "scenarios/late-task.yaml", "background: period.json", "background: two.json");

        ScenarioResult late = ScenarioRunner.run(rubric.toString()).results().get(1);

        assertThat(late.failures()).singleElement().asString().contains("background file [scenarios/two.json] must hold one subject");
    }

    @Test
    void factsMayBeAFileBesideTheScenario() {
        Path rubric = MiniRubric.copyTo(dir);
        MiniRubric.write(rubric, "scenarios/unit.json", """
                { "id": "D05", "name": "戊单位", "facts": [
                  { "type": "TargetTask", "id": "T-1", "title": "换届", "responsible": "王芳", "deadline": "2026-09-30", "completedOn": null, "status": "IN_PROGRESS" } ] }
                """);
        MiniRubric.write(rubric, "scenarios/from-file.yaml", """
                name: 事实写在文件里
                background: period.json
                facts: unit.json
                expect: { total: 8, items: { T2: -2 } }
                """);

        ScenarioRun run = ScenarioRunner.run(rubric.toString());

        assertThat(run.results()).extracting(ScenarioResult::name).contains("事实写在文件里");
        assertThat(run.failed()).isZero();
    }

    @Test
    void belowTheMinimumCoverageTheRunFailsAndSaysWhy() {
        Path rubric = MiniRubric.copyTo(dir);
        MiniRubric.delete(rubric, "scenarios/cohort.yaml");

        ScenarioRun run = ScenarioRunner.run(rubric.toString());

        assertThat(run.failed()).isZero();
        assertThat(run.succeeded(new BigDecimal("90"))).isFalse();
        assertThat(run.report(new BigDecimal("90")))
                .contains("rule coverage: 50% of 8 outcomes (4 rules fired and not fired) over 1 evaluation\n")
                .contains("  T1  targets.drl:9  always fired (no test where it does not)\n")
                .contains("coverage 50% is below the minimum of 90%\n")
                .endsWith("1 passed, 0 failed\n");
    }

    @Test
    void dynamicTestsAreNamedByTheScenarioAndFailWithTheDiff() throws Throwable {
        Path rubric = MiniRubric.copyTo(dir);
        MiniRubric.write(rubric, "scenarios/late-task.yaml", LATE_TASK_EXPECTING_TWO_POINTS);

        List<DynamicTest> tests = RubricScenarios.of(rubric.toString()).withMinCoverage(100).tests().toList();

        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly(
                "表彰、未完成任务和否决，四个单位一起考评 (cohort.yaml)", "一项任务逾期完成扣2分（写错了） (late-task.yaml)", "rule coverage ≥ 100%");
        tests.get(0).getExecutable().execute();
        var failure = catchThrowableOfType(AssertionError.class, () -> tests.get(1).getExecutable().execute());
        assertThat(failure).hasMessageStartingWith("scenario [一项任务逾期完成扣2分（写错了）] (scenarios/late-task.yaml) failed:\ntotal: expected 8, actual 9")
                .hasMessageContaining("T1       -2         -1         <-- differs");
        tests.get(2).getExecutable().execute();  // both scenarios ran: coverage is complete even though one failed
    }

    @Test
    void dynamicTestsOfARubricWithoutScenariosSaySo() {
        Path rubric = MiniRubric.copyTo(dir);
        MiniRubric.delete(rubric, "scenarios/cohort.yaml");
        MiniRubric.delete(rubric, "scenarios/late-task.yaml");

        List<DynamicTest> tests = RubricScenarios.of(rubric.toString()).tests().toList();

        assertThat(tests).singleElement().satisfies(t -> assertThat(catchThrowableOfType(AssertionError.class, () -> t.getExecutable().execute()))
                .hasMessageContaining("has no scenario files under scenarios/"));
    }
}
