package dev.rubric.testkit.model;

import dev.rubric.api.Subject;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.domains.DomainContextBase;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The department fact model as a jqwik domain: with {@code @Domain(DepartmentDomain.class)} on a property,
 * {@code @ForAll Subject} is a random department and {@code @ForAll Object} a random fault to add to one.
 *
 * <p>Each provider answers for exactly one parameter type, ahead of jqwik's built-in providers. jqwik
 * matches a domain's {@code @Provide} methods to a parameter in both directions of assignability, so with
 * {@code @Provide} methods an {@code Object} parameter would sometimes receive a whole department instead
 * of a fault.
 */
public class DepartmentDomain extends DomainContextBase {

    @Override
    public Collection<ArbitraryProvider> getArbitraryProviders() {
        return List.of(exactly(Subject.class, DepartmentArbitraries::departments), exactly(Object.class, DepartmentArbitraries::faults));
    }

    private static ArbitraryProvider exactly(Class<?> type, Supplier<? extends Arbitrary<?>> arbitrary) {
        return new ArbitraryProvider() {
            @Override
            public boolean canProvideFor(TypeUsage target) {
                return target.isOfType(type);
            }

            @Override
            public Set<Arbitrary<?>> provideFor(TypeUsage target, SubtypeProvider subtypes) {
                return Set.of(arbitrary.get());
            }

            @Override
            public int priority() {
                return 1; // above jqwik's built-in providers (0), whose list provider would otherwise also claim Object
            }
        };
    }
}
