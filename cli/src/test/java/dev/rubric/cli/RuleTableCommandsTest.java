package dev.rubric.cli;

import dev.rubric.testkit.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.rubric.cli.CommandLineTest.rubric;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code check}, {@code test} and {@code diff} on a rubric written as a 评分细则 table: every place is a cell. */
class RuleTableCommandsTest {

    static final String MANIFEST = """
            id: tables
            name: 表格细则
            categories:
              - { id: targets, name: 目标任务, max: 10 }
            grades:
              - { id: 优秀, min: 9 }
              - { id: 合格 }
            """;

    static final List<String> HEADING = List.of("编号", "类别", "评分项目", "每次扣分", "最多扣分", "条件");

    static byte[] table(Object a2Points, String a3Category) {
        return Workbooks.xlsx(Workbooks.sheet("评分细则", HEADING,
                List.of("A2", "目标任务", "目标任务逾期完成", a2Points, 5, "TargetTask(status == COMPLETED, completedOn > deadline)"),
                List.of("A3", a3Category, "目标任务未明确责任人", 0.5, 3, "TargetTask(responsible == null)")));
    }

    static final String LATE = """
            name: 逾期完成扣分
            facts:
              id: D1
              facts:
                - { type: TargetTask, id: T-1, title: 机要保密检查, responsible: 王芳, deadline: 2026-09-30, completedOn: 2026-10-12, status: COMPLETED }
            expect:
              items: { A2: -1 }
              absent: [A3]
            """;

    static Path rubricFolder(Path dir, byte[] table) throws IOException {
        Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(dir.resolve("rubric.yaml"), MANIFEST, StandardCharsets.UTF_8);
        Files.write(dir.resolve("targets.xlsx"), table);
        Files.writeString(dir.resolve("scenarios/late.yaml"), LATE, StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void checkReportsEveryBadCellOfATable(@TempDir Path dir) throws IOException {
        // given
        Path folder = rubricFolder(dir, table("一分", "目标"));

        // when
        CommandLineTest.Run run = rubric("check", folder.toString());

        // then
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("Log4j").contains(
                "targets.xlsx!评分细则!D2: item [A2] has 每次扣分 [一分], which is not a number; write the points deducted per occurrence, such as 1 or 0.5",
                "targets.xlsx!评分细则!B3: item [A3] has 类别 [目标], which the manifest does not have; its categories are [targets (目标任务)]");
    }

    @Test
    void testReportsCoveragePerRowWithItsCell(@TempDir Path dir) throws IOException {
        // given a scenario in which A3 never fires
        Path folder = rubricFolder(dir, table(1, "目标任务"));

        // when
        CommandLineTest.Run run = rubric("test", folder.toString());

        // then
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("PASS  逾期完成扣分", "A3  targets.xlsx!评分细则!C3  never fired", "1 passed, 0 failed");
    }

    @Test
    void diffShowsAChangedRowAsSuch(@TempDir Path dir) throws IOException {
        // given this year's table and next year's, where A2 costs 2 points per task
        Path before = rubricFolder(dir.resolve("before"), table(1, "目标任务"));
        Path after = rubricFolder(dir.resolve("after"), table(2, "目标任务"));
        Path facts = dir.resolve("cohort.json");
        Files.writeString(facts, """
                [ { "id": "D1", "facts": [ { "type": "TargetTask", "id": "T-1", "title": "机要保密检查", "responsible": "王芳",
                    "deadline": "2026-09-30", "completedOn": "2026-10-12", "status": "COMPLETED" } ] },
                  { "id": "D2", "facts": [] } ]
                """, StandardCharsets.UTF_8);

        // when
        CommandLineTest.Run run = rubric("diff", before.toString(), after.toString(), "--facts", facts.toString());

        // then
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("CHANGED  A2  row changed: 每次扣分 1 -> 2 (targets.xlsx!评分细则!C2)", "~ A2: -1 -> -2");
    }

    @Test
    void theShippedTemplateIsAValidRubricTable(@TempDir Path dir) throws IOException {
        // given the template of docs/ in a rubric whose manifest has the categories and grades it names
        Files.writeString(dir.resolve("rubric.yaml"), """
                id: template
                name: 评分细则模板
                categories:
                  - { id: targets, name: 目标任务, max: 95 }
                  - { id: bonus, name: 加分项, max: 5, mode: earn }
                grades:
                  - { id: 优秀, min: 90 }
                  - { id: 良好, min: 80 }
                  - { id: 合格 }
                """, StandardCharsets.UTF_8);
        Files.copy(Path.of("../docs/rubric-table-template.xlsx"), dir.resolve("评分细则.xlsx"));

        // when
        CommandLineTest.Run run = rubric("check", dir.toString());

        // then
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("is valid: 5 rules in 1 file");
    }
}
