package dev.rubric.testkit.model;

import dev.rubric.api.Subject;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;

/**
 * The department fact model as a jqwik domain: with {@code @Domain(DepartmentDomain.class)} on a property,
 * {@code @ForAll Subject} is a random department and {@code @ForAll Object} a random fault to add to one.
 */
public class DepartmentDomain extends DomainContextBase {

    @Provide
    Arbitrary<Subject> departments() {
        return DepartmentArbitraries.departments();
    }

    @Provide
    Arbitrary<Object> faults() {
        return DepartmentArbitraries.faults();
    }
}
