package dev.rubric.rules;

import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.testkit.RubricProperties;
import dev.rubric.testkit.model.DepartmentDomain;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;

/**
 * The bundled rubric checked against every ready-made property of the testkit, over random departments
 * of the fact model (200 tries each, so the build stays fast; raise {@code tries} when changing the rubric).
 */
@Domain(DepartmentDomain.class)
class PartyMassPropertiesTest {

    private static final Rubric RUBRIC = Rubrics.load("classpath:rubrics/party-mass-efficiency");

    @Property(tries = 200)
    void everyResultAddsUpFromItsBase(@ForAll Subject department) {
        RubricProperties.balances(RUBRIC, department);
    }

    @Property(tries = 200)
    void theTotalStaysWithinTheCategoriesBounds(@ForAll Subject department) {
        RubricProperties.staysWithinBounds(RUBRIC, department);
    }

    @Property(tries = 200)
    void aFaultNeverRaisesTheTotalNorImprovesTheGrade(@ForAll Subject department, @ForAll Object fault) {
        RubricProperties.faultNeverHelps(RUBRIC, department, fault);
    }

    @Property(tries = 200)
    void aFailingVetoAlwaysGivesTheLowestGrade(@ForAll Subject department) {
        RubricProperties.failingVetoGivesTheLowestGrade(RUBRIC, department);
    }

    @Property(tries = 200)
    void theSameDepartmentAlwaysGetsTheSameResult(@ForAll Subject department) {
        RubricProperties.isDeterministic(RUBRIC, department);
    }
}
