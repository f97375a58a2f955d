package dev.rubric.testkit;

import dev.rubric.api.Rubric;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubrics;
import dev.rubric.model.InspectionFinding;
import dev.rubric.model.InspectionKind;
import dev.rubric.model.Severity;
import dev.rubric.model.TargetTask;
import dev.rubric.model.TaskStatus;
import dev.rubric.model.ViolationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.rubric.testkit.model.DepartmentBuilder.day;
import static dev.rubric.testkit.model.DepartmentBuilder.department;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The ready-made properties catch the rubric mistakes they are about, and show the explanation when they do. */
class RubricPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void aRubricThatRewardsAFaultFailsFaultNeverHelps() {
        Path rubric = MiniRubric.copyTo(dir);
        MiniRubric.edit(rubric, "bonus.drl", "$c : Commendation()", "$c : InspectionFinding()");
        MiniRubric.edit(rubric, "bonus.drl", "\"「\" + $c.title() + \"」\"", "\"督查发现问题也加分\"");
        Rubric perverse = Rubrics.load(rubric.toString());

        var finding = new InspectionFinding("F-1", day("2026-07-06"), InspectionKind.HALF_YEAR, Severity.MINOR, "台账缺失",
                day("2026-07-31"), day("2026-07-20"));

        var error = catchThrowableOfType(AssertionError.class,
                () -> RubricProperties.faultNeverHelps(perverse, department().withLateTask("一").build(), finding));

        assertThat(error).hasMessageContaining("raised the total from 9 to 10").hasMessageContaining("[G1] 督查发现问题也加分");
    }

    @Test
    void aWellBehavedRubricPassesEveryProperty() {
        Rubric mini = Rubrics.load(MiniRubric.LOCATION, LoadOptions.restricted());
        var vetoed = department().withViolation(ViolationKind.EIGHT_PROHIBITIONS, "酒后驾驶").withLateTask("一").build();

        assertThatCode(() -> {
            RubricProperties.balances(mini, vetoed);
            RubricProperties.staysWithinBounds(mini, vetoed);
            RubricProperties.failingVetoGivesTheLowestGrade(mini, vetoed);
            RubricProperties.isDeterministic(mini, vetoed);
            RubricProperties.faultNeverHelps(mini, vetoed,
                    new TargetTask("T-9", "换届", "王芳", day("2026-09-30"), null, TaskStatus.IN_PROGRESS));
        }).doesNotThrowAnyException();
    }
}
