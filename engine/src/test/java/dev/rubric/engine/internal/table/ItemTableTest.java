package dev.rubric.engine.internal.table;

import dev.rubric.api.Evaluation;
import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import dev.rubric.engine.RubricFolder;
import dev.rubric.model.TargetTask;
import dev.rubric.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A 评分细则 table, one row per item, loads as rules whose source is the row's cell; its mistakes are named by cell. */
class ItemTableTest {

    static final String MANIFEST = """
            id: t
            name: 测试细则
            categories:
              - { id: targets, name: 目标任务, max: 30 }
              - { id: bonus, name: 加分项, max: 5, mode: earn }
            grades:
              - { id: 优秀, min: 30 }
              - { id: 良好, min: 25 }
              - { id: 合格 }
            """;

    static final String HEADING = "编号,类别,评分项目,评分标准,每次扣分,最多扣分,一票否决,限定等次,条件,扣分说明\n";

    @TempDir
    Path dir;

    private RubricFolder table(String rows) {
        return RubricFolder.at(dir).manifest(MANIFEST).file("targets.csv", HEADING + rows);
    }

    private static Subject lateTask() {
        return Subject.of("D1", "某局", new TargetTask("T-1", "机要保密检查", "王芳", LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12), TaskStatus.COMPLETED));
    }

    @Test
    void aRowIsAnItemWhoseSourceIsItsCell() {
        // given a table with the item A2 in row 2
        Rubric rubric = table("""
                A2,目标任务,目标任务逾期完成,目标任务逾期完成的，每项扣1分，最多扣5分,1,5,,,"TargetTask(status == COMPLETED, completedOn > deadline)",目标任务「{title}」截止{deadline}，{completedOn}才完成
                """).load();

        // when
        Evaluation e = rubric.evaluate(lateTask());

        // then
        RubricRule a2 = rubric.rules().get(0);
        assertThat(a2.id()).isEqualTo("A2");
        assertThat(a2.name()).isEqualTo("A2 目标任务逾期完成");
        assertThat(a2.category()).isEqualTo("targets");
        assertThat(a2.max()).isEqualByComparingTo("5");
        assertThat(a2.source()).isEqualTo("targets.csv!C2");
        ScoreItem item = e.itemsOf("A2").get(0);
        assertThat(item.points()).isEqualByComparingTo("-1");
        assertThat(item.reason()).isEqualTo("目标任务「机要保密检查」截止2026-09-30，2026-10-12才完成");
        assertThat(item.source()).isEqualTo("targets.csv!C2");
        assertThat(e.total()).isEqualByComparingTo("29");
    }

    @Test
    void everyMistakeOfATableIsReportedAtItsCellAllAtOnce() {
        // given
        RubricFolder folder = table("""
                A1,目标,目标任务逾期完成,,1,,,,"TargetTask(completedOn > deadline)",
                A2,目标任务,目标任务逾期完成,,两分,,,,"TargetTask(completedOn > deadline)",
                A3,目标任务,未明确责任人,,0.5,,,,"TargetTask(responsibel == null)",
                A4,目标任务,状态不对,,1,,,,"TargetTask(status == DONE)",
                A5,目标任务,限定,,,,,特优,"TargetTask()",
                """);

        // when
        InvalidRubricException e = catchThrowableOfType(InvalidRubricException.class, folder::load);

        // then
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "targets.csv!B2: item [A1] has 类别 [目标], which the manifest does not have; its categories are [targets (目标任务), bonus (加分项)]",
                "targets.csv!E3: item [A2] has 每次扣分 [两分], which is not a number; write the points deducted per occurrence, such as 1 or 0.5",
                "targets.csv!H6: item [A5] has 限定等次 [特优], which the manifest does not have; its grades are [优秀, 良好, 合格]",
                "targets.csv!I4: item [A3]: the condition [TargetTask(responsibel == null)] cannot be read: TargetTask has no property [responsibel]; its properties are [completedOn, deadline, id, responsible, status, title] (did you mean [responsible]?)",
                "targets.csv!I5: item [A4]: the condition [TargetTask(status == DONE)] cannot be read: [DONE] is not a value of status (TaskStatus); its values are [IN_PROGRESS, COMPLETED, ADJUSTED]");
    }
}
