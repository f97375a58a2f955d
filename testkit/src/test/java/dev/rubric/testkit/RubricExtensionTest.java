package dev.rubric.testkit;

import dev.rubric.api.Rubric;
import dev.rubric.model.ViolationKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

import static dev.rubric.testkit.model.DepartmentBuilder.department;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * The JUnit extension behind {@link RubricTest}, run through the JUnit Platform's test kit on small example
 * classes (static nested classes here, which Surefire does not run on their own).
 */
class RubricExtensionTest {

    private static final String EXAMPLES = "dev.rubric.testkit.examples";

    /**
     * An example class, run only through the test kit below: some of them fail on purpose, and Surefire
     * runs nested classes too when tests are selected with {@code -Dtest=…}.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @ExtendWith(OnlyThroughTheTestKit.class)
    @interface Example {
    }

    static final class OnlyThroughTheTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(EXAMPLES).isPresent() ? ConditionEvaluationResult.enabled("run by RubricExtensionTest")
                    : ConditionEvaluationResult.disabled("an example class that RubricExtensionTest runs");
        }
    }

    private static EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(EXAMPLES, "true").selectors(selectClass(testClass)).execute();
    }

    private static String containerFailure(Events containers) {
        return containers.failed().stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage()).findFirst().orElse("");
    }

    // ---- injection and sharing

    static final List<Rubric> SEEN = new ArrayList<>();

    @Example
    @RubricTest(MiniRubric.LOCATION)
    static class InjectsEverywhere {
        InjectsEverywhere(Rubric rubric) {
            SEEN.add(rubric);
        }

        @BeforeAll
        static void beforeAll(Rubric rubric) {
            SEEN.add(rubric);
        }

        @Test
        void first(Rubric rubric) {
            SEEN.add(rubric);
        }

        @Test
        void second(Rubric rubric) {
            SEEN.add(rubric);
        }

        @Nested
        class Inner {
            @Test
            void nested(Rubric rubric) {
                SEEN.add(rubric);
            }
        }
    }

    @Example
    @RubricTest(MiniRubric.LOCATION)
    static class AnotherClassOfTheSameRubric {
        @Test
        void test(Rubric rubric) {
            SEEN.add(rubric);
        }
    }

    @Test
    void theRubricIsInjectedIntoConstructorsLifecycleMethodsTestsAndNestedClassesAsOneInstancePerClass() {
        SEEN.clear();

        run(InjectsEverywhere.class).testEvents().assertStatistics(s -> s.succeeded(3).failed(0));

        // beforeAll, then per test the constructor and the test (nested: outer constructor, test)
        assertThat(SEEN).hasSizeGreaterThanOrEqualTo(6).allSatisfy(r -> assertThat(r).isSameAs(SEEN.get(0)));
        assertThat(SEEN.get(0).info().id()).isEqualTo("mini");
    }

    @Test
    void twoClassesOfTheSameRubricShareItsLoadedRubricButCountCoverageApart() {
        SEEN.clear();

        EngineTestKit.engine("junit-jupiter").configurationParameter(EXAMPLES, "true")
                .selectors(selectClass(InjectsEverywhere.class), selectClass(AnotherClassOfTheSameRubric.class))
                .execute().testEvents().assertStatistics(s -> s.succeeded(4).failed(0));

        Rubric first = SEEN.get(0);
        Rubric other = SEEN.get(SEEN.size() - 1);
        assertThat(other).isNotSameAs(first);                      // each class records its own coverage
        assertThat(other.info()).isSameAs(first.info());           // over the one rubric loaded for both
    }

    // ---- minimum coverage

    @Example
    @RubricTest(value = MiniRubric.LOCATION, minCoverage = 100)
    static class CoversOnlyLateTasks {
        @Test
        void aLateTask(Rubric rubric) {
            rubric.evaluate(department().withLateTask("机要保密检查").build());
        }
    }

    @Test
    void belowTheMinimumTheClassFailsListingEachUncoveredRuleWithItsPlace() {
        var results = run(CoversOnlyLateTasks.class);

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        String message = containerFailure(results.containerEvents());
        assertThat(message)
                .contains("rule coverage of classpath:rubrics/mini in CoversOnlyLateTasks is below the minimum of 100%")
                .contains("rule coverage: 50% of 8 outcomes (4 rules fired and not fired) over 1 evaluation")
                .contains("T1  targets.drl:9  always fired (no test where it does not)")
                .contains("T2  targets.drl:18  never fired")
                .contains("G1  bonus.drl:9  never fired")
                .contains("V1  veto.drl:9  never fired");
    }

    @Example
    @RubricTest(value = MiniRubric.LOCATION, minCoverage = 100)
    static class CoversEveryRule {
        @Test
        void aWellRunDepartment(Rubric rubric) {
            rubric.evaluate(department().build());
        }

        @Nested
        class Faults {
            @Test
            void everyRuleFiresOnce(Rubric rubric) {
                rubric.evaluate(department().withLateTask("一").withUnfinishedTask("二").withCommendation("三", dev.rubric.model.CommendationLevel.CITY)
                        .withViolation(ViolationKind.EIGHT_PROHIBITIONS, "四").build());
            }
        }
    }

    @Test
    void atTheMinimumTheClassPassesCountingItsNestedClasses() {
        var results = run(CoversEveryRule.class);

        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        results.containerEvents().assertStatistics(s -> s.failed(0));
    }

    @Example
    @RubricTest(value = MiniRubric.LOCATION, covers = "targets.drl", minCoverage = 100)
    static class CoversTheTargetsFile {
        @Test
        void lateAndUnfinished(Rubric rubric) {
            rubric.evaluate(department().withLateTask("一").withUnfinishedTask("二").build());
        }

        @Test
        void neither(Rubric rubric) {
            rubric.evaluate(department().build());
        }
    }

    @Test
    void coversMeasuresTheNamedRuleFileOnly() {
        run(CoversTheTargetsFile.class).containerEvents().assertStatistics(s -> s.failed(0));
    }

    @Example
    @RubricTest(value = MiniRubric.LOCATION, covers = {"T1", "G1"}, minCoverage = 75)
    static class CoversTwoRulesById {
        @Test
        void aLateTask(Rubric rubric) {
            rubric.evaluate(department().withLateTask("一").build());
        }
    }

    @Test
    void coversTakesRuleIdsToo() {
        var results = run(CoversTwoRulesById.class);

        // T1 fired, G1 did not: 2 of 4 outcomes
        assertThat(containerFailure(results.containerEvents()))
                .contains("[T1, G1]").contains("rule coverage: 50% of 4 outcomes (2 rules fired and not fired)")
                .doesNotContain("T2").doesNotContain("V1");
    }

    @Example
    @RubricTest(value = MiniRubric.LOCATION, covers = "service.drl")
    static class CoversAnUnknownFile {
        @Test
        void test(Rubric rubric) {
        }
    }

    @Test
    void coversNamingNoRuleIsAConfigurationError() {
        run(CoversAnUnknownFile.class).testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(ParameterResolutionException.class),
                message(m -> m.contains("names [service.drl], which is neither a rule id nor a rule file of [classpath:rubrics/mini]")
                        && m.contains("[bonus.drl, targets.drl, veto.drl]")))));
    }

    @Example
    @RubricTest(value = MiniRubric.LOCATION, minCoverage = 50)
    static class NeverTakesTheRubric {
        @Test
        void test() {
        }
    }

    @Test
    void aMinimumWithNoEvaluationAtAllFails() {
        assertThat(containerFailure(run(NeverTakesTheRubric.class).containerEvents()))
                .contains("NeverTakesTheRubric asks for 50% rule coverage of classpath:rubrics/mini, but none of its tests took the injected Rubric");
    }

    // ---- misuse

    @Example
    @ExtendWith(RubricExtension.class)
    static class WithoutTheAnnotation {
        @Test
        void test(Rubric rubric) {
        }
    }

    @Test
    void theExtensionWithoutRubricTestSaysWhatIsMissing() {
        run(WithoutTheAnnotation.class).testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(m -> m.contains("RubricExtension needs @RubricTest(\"classpath:…\") on " + WithoutTheAnnotation.class.getName())))));
    }

    @Example
    @RubricTest("classpath:rubrics/no-such-rubric")
    static class OfAMissingRubric {
        @Test
        void test(Rubric rubric) {
        }
    }

    @Test
    void aRubricThatCannotBeLoadedFailsTheTestsNamingIt() {
        run(OfAMissingRubric.class).testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(m -> m.contains("rubric [classpath:rubrics/no-such-rubric] cannot be loaded")))));
    }
}
