package dev.rubric.engine.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The number of tries of every fuzzing property: the {@code tries} its annotation gives, a budget that keeps
 * {@code mvn verify} short, unless the system property {@code rubric.fuzz.tries} asks for more:
 *
 * <pre>{@code
 * mvn -B test -pl engine -Dtest='dev.rubric.engine.fuzz.*' -Drubric.fuzz.tries=5000
 * }</pre>
 *
 * <p>jqwik's own {@code jqwik.tries.default} cannot do this: a property's annotation wins over it.
 */
public final class FuzzBudget implements AroundPropertyHook {

    /** The system property that sets the tries of each fuzzing property. */
    public static final String TRIES = "rubric.fuzz.tries";

    /** Added to a test class, the budget applies to each of its properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String tries = System.getProperty(TRIES);
        if (tries != null && !tries.isBlank()) {
            context.attributes().setTries(Integer.parseInt(tries.trim()));
        }
        return property.execute();
    }
}
