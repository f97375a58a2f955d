package dev.rubric.testkit.model;

import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import dev.rubric.model.AssessmentPeriod;
import dev.rubric.model.CommendationLevel;
import dev.rubric.model.CoreSystem;
import dev.rubric.model.CoreSystemKind;
import dev.rubric.model.Department;
import dev.rubric.model.Disclosure;
import dev.rubric.model.DisclosureKind;
import dev.rubric.model.EvidenceRecord;
import dev.rubric.model.InspectionFinding;
import dev.rubric.model.Kpi;
import dev.rubric.model.RaterGroup;
import dev.rubric.model.ServiceCase;
import dev.rubric.model.Severity;
import dev.rubric.model.StudySession;
import dev.rubric.model.Survey;
import dev.rubric.model.TargetTask;
import dev.rubric.model.TaskStatus;
import dev.rubric.model.Violation;
import dev.rubric.model.ViolationKind;
import dev.rubric.testkit.RubricTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.rubric.testkit.RubricAssertions.assertThat;
import static dev.rubric.testkit.model.DepartmentBuilder.day;
import static dev.rubric.testkit.model.DepartmentBuilder.department;
import static org.assertj.core.api.Assertions.assertThat;

/** The department builder: a well-run default that loses no point, and one fact per {@code with…}. */
@RubricTest("classpath:rubrics/mini")
class DepartmentBuilderTest {

    private final Rubric rubric;

    DepartmentBuilderTest(Rubric rubric) {
        this.rubric = rubric;
    }

    @Test
    void theDefaultDepartmentLosesNoPoint() {
        var result = rubric.evaluate(department().build());

        assertThat(result).hasNoItems().hasTotal("10").hasGrade("优秀").isNotVetoed();
    }

    @Test
    void theDefaultIsAWellRunYearOf2026() {
        Subject d = department().build();

        assertThat(d.id()).isEqualTo("D99");
        assertThat(d.facts()).contains(new Department("D99", "测试单位"), DepartmentBuilder.YEAR_2026);
        assertThat(DepartmentBuilder.YEAR_2026.assessedOn()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(d.facts()).filteredOn(CoreSystem.class::isInstance).hasSize(3).allMatch(f -> ((CoreSystem) f).inPlace());
        assertThat(d.facts()).filteredOn(Disclosure.class::isInstance).hasSize(DisclosureKind.values().length).allMatch(f -> ((Disclosure) f).posted());
        assertThat(d.facts()).filteredOn(StudySession.class::isInstance).extracting(f -> ((StudySession) f).quarter()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aLateTaskCostsAPointOnTheMiniRubricAndAnUnfinishedOneTwo() {
        var result = rubric.evaluate(department().withLateTask("机要保密检查").withUnfinishedTask("换届").build());

        assertThat(result).hasTotal("7").hasItem("T1").withPoints("-1").citing("T-D99-1").and().hasItem("T2").withPoints("-2").citing("T-D99-2");
    }

    @Test
    void eachWithAddsOneFactWithSensibleValues() {
        Subject d = department("D07", "统战部")
                .withLateTask("甲").withUnfinishedTask("乙").withTaskWithoutResponsible("丙").withTaskOnTime("丁")
                .withKpi("结案率", "98", "96.2", "%").withoutCoreSystem(CoreSystemKind.ACCOUNTABILITY).withUndisclosed(DisclosureKind.RESULTS)
                .withoutStudySession(3).withLateServiceCase("办件").withPassedOnServiceCase("咨询").withVerifiedComplaint("投诉")
                .withFinding(Severity.SERIOUS, "台账缺失").withBackfilledRecord("会议记录").withSurvey(RaterGroup.PUBLIC, 100, 90)
                .withCommendation("党建", CommendationLevel.CITY).withViolation(ViolationKind.LAZINESS, "脱岗")
                .build();

        assertThat(d.facts()).filteredOn(TargetTask.class::isInstance).map(TargetTask.class::cast)
                .extracting(TargetTask::id, TargetTask::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T-D07-1", TaskStatus.COMPLETED), org.assertj.core.groups.Tuple.tuple("T-D07-2", TaskStatus.IN_PROGRESS),
                        org.assertj.core.groups.Tuple.tuple("T-D07-3", TaskStatus.COMPLETED), org.assertj.core.groups.Tuple.tuple("T-D07-4", TaskStatus.COMPLETED));
        TargetTask late = (TargetTask) d.facts().stream().filter(f -> f instanceof TargetTask t && t.title().equals("甲")).findFirst().orElseThrow();
        assertThat(late.completedOn()).isAfter(late.deadline());
        assertThat(d.facts()).filteredOn(CoreSystem.class::isInstance).filteredOn(f -> !((CoreSystem) f).inPlace()).hasSize(1);
        assertThat(d.facts()).filteredOn(Disclosure.class::isInstance).filteredOn(f -> !((Disclosure) f).posted()).hasSize(1);
        assertThat(d.facts()).filteredOn(StudySession.class::isInstance).hasSize(3);
        assertThat(d.facts()).filteredOn(ServiceCase.class::isInstance).hasSize(3);
        assertThat(d.facts()).hasAtLeastOneElementOfType(Kpi.class).hasAtLeastOneElementOfType(InspectionFinding.class)
                .hasAtLeastOneElementOfType(EvidenceRecord.class).hasAtLeastOneElementOfType(Survey.class)
                .hasAtLeastOneElementOfType(Violation.class).hasAtLeastOneElementOfType(AssessmentPeriod.class);
    }

    @Test
    void withoutRemovesTheMatchingFactsAndBuildCopiesTheFactsSoFar() {
        DepartmentBuilder builder = department().without(f -> f instanceof StudySession);
        Subject before = builder.build();

        builder.withLateTask("之后");

        assertThat(before.facts()).noneMatch(f -> f instanceof StudySession || f instanceof TargetTask);
        assertThat(builder.build().facts()).hasSize(before.facts().size() + 1);
    }

    @Test
    void dayReadsAnIsoDateAndPassesNullOn() {
        assertThat(day("2026-07-31")).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(day(null)).isNull();
    }
}
