package dev.rubric.testkit.model;

import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.model.AssessmentPeriod;
import dev.rubric.model.Department;
import dev.rubric.model.EvidenceRecord;
import dev.rubric.model.InspectionFinding;
import dev.rubric.model.ServiceCase;
import dev.rubric.model.TargetTask;
import dev.rubric.model.Violation;
import dev.rubric.testkit.RubricProperties;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;

import static org.assertj.core.api.Assertions.assertThat;

/** The jqwik arbitraries and domain for the department fact model, and the ready-made properties on the mini rubric. */
@Domain(DepartmentDomain.class)
class DepartmentArbitrariesTest {

    private static final Rubric MINI = Rubrics.load("classpath:rubrics/mini");

    @Property(tries = 100)
    void aRandomDepartmentKeepsItsIdentityAndItsAssessmentPeriod(@ForAll Subject department) {
        assertThat(department.id()).matches("D\\d{3}");
        assertThat(department.facts()).hasAtLeastOneElementOfType(Department.class).contains(DepartmentBuilder.YEAR_2026);
        assertThat(department.facts()).filteredOn(AssessmentPeriod.class::isInstance).hasSize(1);
    }

    @Property(tries = 100)
    void aFaultIsAFactThatCanOnlyHurt(@ForAll Object fault) {
        assertThat(fault).isInstanceOfAny(TargetTask.class, InspectionFinding.class, Violation.class, ServiceCase.class, EvidenceRecord.class);
    }

    @Property(tries = 100)
    void theMiniRubricBalances(@ForAll Subject department) {
        RubricProperties.balances(MINI, department);
    }

    @Property(tries = 100)
    void theMiniRubricStaysWithinBounds(@ForAll Subject department) {
        RubricProperties.staysWithinBounds(MINI, department);
    }

    @Property(tries = 100)
    void onTheMiniRubricAFaultNeverHelps(@ForAll Subject department, @ForAll Object fault) {
        RubricProperties.faultNeverHelps(MINI, department, fault);
    }

    @Property(tries = 100)
    void onTheMiniRubricAFailingVetoGivesTheLowestGrade(@ForAll Subject department) {
        RubricProperties.failingVetoGivesTheLowestGrade(MINI, department);
    }

    @Property(tries = 100)
    void theMiniRubricIsDeterministic(@ForAll Subject department) {
        RubricProperties.isDeterministic(MINI, department);
    }

    /** Ids come from positions and the seed, never from a counter shared by all tries: one seed, one department. */
    @Example
    void theSameSeedGivesTheSameDepartmentAndTheSameFault() {
        Subject first = DepartmentArbitraries.departments().generator(100).next(new java.util.Random(42)).value();
        Subject again = DepartmentArbitraries.departments().generator(100).next(new java.util.Random(42)).value();
        Object fault = DepartmentArbitraries.faults().generator(100).next(new java.util.Random(7)).value();
        Object sameFault = DepartmentArbitraries.faults().generator(100).next(new java.util.Random(7)).value();

        assertThat(again).isEqualTo(first);
        assertThat(sameFault).isEqualTo(fault);
    }
}
