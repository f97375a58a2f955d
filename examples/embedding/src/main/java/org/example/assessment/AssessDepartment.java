package org.example.assessment;

import dev.rubric.api.Evaluation;
import dev.rubric.api.ResultFormat;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import dev.rubric.model.AssessmentPeriod;
import dev.rubric.model.Department;
import dev.rubric.model.PeriodKind;
import dev.rubric.model.TargetTask;
import dev.rubric.model.TaskStatus;

import java.time.LocalDate;

/**
 * Scores one department with the bundled party-mass rubric, from facts built in Java, and prints
 * the explanation: what an application embedding Rubric does.
 */
public final class AssessDepartment {

    private AssessDepartment() {
    }

    /** The department of the example: one task finished late, one without a responsible person. */
    static Subject department() {
        return Subject.of("D99", "示例局",
                new Department("D99", "示例局"),
                new AssessmentPeriod("P2026", 2026, PeriodKind.ANNUAL, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                        LocalDate.of(2026, 12, 20)),
                new TargetTask("T-1", "年度工作要点落实", "王芳", LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 20), TaskStatus.COMPLETED),
                new TargetTask("T-2", "窗口服务规范化建设", null, LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 28), TaskStatus.COMPLETED));
    }

    /** The rubric, loaded once: it is immutable and safe to share. */
    private static final Rubric RUBRIC = Rubrics.load("classpath:rubrics/party-mass-efficiency");

    /** Evaluates the department. */
    static Evaluation assess() {
        return RUBRIC.evaluate(department());
    }

    /** The department's result as the JSON of the contract, written by the library's own format: no engine class needed. */
    static String json() {
        return ResultFormat.json().render(RUBRIC, assess());
    }

    public static void main(String[] args) {
        Evaluation result = assess();
        System.out.println(result.subject().name() + ": " + result.total().toPlainString() + " 分, "
                + (result.grade() == null ? "不评定等级" : result.grade()));
        for (ScoreItem item : result.items()) {
            System.out.println("  " + item.kind() + " " + item.points().toPlainString() + " [" + item.rule() + "] "
                    + item.reason() + (item.source() == null ? "" : "  (" + item.source() + ")"));
        }
    }
}
