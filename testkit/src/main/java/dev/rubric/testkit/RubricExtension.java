package dev.rubric.testkit;

import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricRule;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Numbers;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the rubric of a {@link RubricTest} class and injects it. Rubrics are loaded once per JVM for the
 * same location (the engine also reuses compiled rules for the same content), so a test suite with many
 * classes about one rubric compiles it once.
 */
public final class RubricExtension implements ParameterResolver, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RubricExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Rubric.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return recording(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!context.getRequiredTestClass().isAnnotationPresent(RubricTest.class)) {
            return; // a @Nested class, whose enclosing class checks coverage once all of its tests ran; or no @RubricTest at all, which resolving the rubric reports
        }
        Class<?> annotated = context.getRequiredTestClass();
        RubricTest config = annotated.getAnnotation(RubricTest.class);
        if (config.minCoverage() < 0) {
            return;
        }
        BigDecimal minimum = BigDecimal.valueOf(config.minCoverage());
        RecordingRubric rubric = context.getStore(NAMESPACE).get(key(annotated), RecordingRubric.class);
        if (rubric == null) {
            if (minimum.signum() > 0) {
                throw new AssertionError(annotated.getSimpleName() + " asks for " + Numbers.plain(minimum)
                        + "% rule coverage of " + config.value() + ", but none of its tests took the injected Rubric, so nothing was measured");
            }
            return;
        }
        Coverage coverage = rubric.coverage();
        if (!coverage.meets(minimum)) {
            throw new AssertionError("rule coverage of " + config.value() + (config.covers().length == 0 ? "" : " " + List.of(config.covers()))
                    + " in " + annotated.getSimpleName() + " is below the minimum of "
                    + Numbers.plain(minimum) + "%\n" + coverage.report());
        }
    }

    private RecordingRubric recording(ExtensionContext context) {
        Class<?> annotated = annotatedClass(context);
        RubricTest config = annotated.getAnnotation(RubricTest.class);
        ExtensionContext owner = context;
        while (owner.getTestClass().orElse(null) != annotated || owner.getTestMethod().isPresent()) {
            owner = owner.getParent().orElseThrow();
        }
        LoadOptions options = options(config, annotated);
        Rubric shared = owner.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("rubric:" + config.value() + " " + options, k -> load(config.value(), options), Rubric.class);
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(key(annotated),
                k -> new RecordingRubric(shared, new Coverage(covered(shared, config, annotated))), RecordingRubric.class);
    }

    /** The rules the class's coverage counts: those its {@link RubricTest#covers()} names, or all. */
    private static List<RubricRule> covered(Rubric rubric, RubricTest config, Class<?> annotated) {
        if (config.covers().length == 0) {
            return rubric.rules();
        }
        List<RubricRule> rules = new ArrayList<>();
        for (String name : config.covers()) {
            List<RubricRule> matching = rubric.rules().stream().filter(r -> r.id().equals(name) || r.file().equals(name)).toList();
            if (matching.isEmpty()) {
                throw new ExtensionConfigurationException("@RubricTest(covers) of " + annotated.getName() + " names [" + name
                        + "], which is neither a rule id nor a rule file of [" + config.value() + "]; its rule files are "
                        + rubric.rules().stream().map(RubricRule::file).distinct().toList());
            }
            matching.stream().filter(r -> !rules.contains(r)).forEach(rules::add);
        }
        return rules;
    }

    /** The load options a {@link RubricTest} asks for: restricted unless trusted, with its allowed packages. */
    static LoadOptions options(RubricTest config, Class<?> annotated) {
        try {
            return (config.trusted() ? LoadOptions.unrestricted() : LoadOptions.restricted()).allowing(config.allow());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@RubricTest(allow) of " + annotated.getName() + ": " + e.getMessage(), e);
        }
    }

    private static Rubric load(String location, LoadOptions options) {
        try {
            return Rubrics.load(location, options);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("rubric [" + location + "] cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static String key(Class<?> annotated) {
        return "recording:" + annotated.getName();
    }

    /** The test class, or the nearest enclosing class, that carries {@link RubricTest}. */
    private static Class<?> annotatedClass(ExtensionContext context) {
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            if (c.isAnnotationPresent(RubricTest.class)) {
                return c;
            }
        }
        throw new ExtensionConfigurationException("RubricExtension needs @RubricTest(\"classpath:…\") on "
                + context.getRequiredTestClass().getName() + " or a class enclosing it");
    }
}
