package dev.rubric.testkit;

import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import org.example.canteen.Fridge;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;

import static dev.rubric.testkit.RubricAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A rubric over an application's own fact classes ({@code org.example.canteen}), tested as the application's team
 * tests it: {@code @RubricTest} with the application's package allowed, and its scenario files.
 */
@RubricTest(value = ApplicationFactClassesTest.CANTEEN, allow = "org.example.canteen", minCoverage = 100)
class ApplicationFactClassesTest {

    static final String CANTEEN = "classpath:rubrics/canteen";

    @Test
    void aWarmFridgeCostsTwoPoints(Rubric rubric) {
        assertThat(rubric.evaluate(Subject.of("K1", "Kitchen", new Fridge("F-1", new BigDecimal("7.5")))))
                .hasTotal("8").hasGrade("good").hasItem("F1").withPoints("-2");
    }

    @Test
    void aColdFridgeCostsNothing(Rubric rubric) {
        assertThat(rubric.evaluate(Subject.of("K2", "Kitchen", rubric.newFact("org.example.canteen.Fridge", Map.of("id", "F-2", "temperature", "4")))))
                .hasTotal("10").hasNoItem("F1");
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
        return RubricScenarios.of(CANTEEN).withOptions(LoadOptions.restricted().allowing("org.example.canteen")).withMinCoverage(100).tests();
    }

    @Test
    void scenarioTestsAreNamedByTheirScenarios() {
        Stream<DynamicTest> tests = RubricScenarios.of(CANTEEN).withOptions(LoadOptions.restricted().allowing("org.example.canteen")).tests();

        assertThat(tests.map(DynamicTest::getDisplayName)).containsExactly(
                "A fridge at 4 degrees costs nothing (cold-fridge.yaml)", "A fridge at 7.5 degrees costs two points (warm-fridge.yaml)");
    }

    @Test
    void withoutTheAllowedPackageTheRubricIsRefusedNamingTheClass() {
        Events tests = EngineTestKit.engine("junit-jupiter").configurationParameter("dev.rubric.testkit.examples", "true")
                .selectors(selectClass(NotAllowed.class)).execute().testEvents();

        assertThat(tests.failed().count()).isEqualTo(1);
        assertThat(failure(tests)).contains("rubric [classpath:rubrics/canteen] cannot be loaded")
                .contains("rule [F1] calls [org.example.canteen.Fridge.temperature()], which restricted mode does not allow");
    }

    @Test
    void anAllowedNameOfThePlatformIsAConfigurationError() {
        Events tests = EngineTestKit.engine("junit-jupiter").configurationParameter("dev.rubric.testkit.examples", "true")
                .selectors(selectClass(AllowsThePlatform.class)).execute().testEvents();

        assertThat(failure(tests)).endsWith("@RubricTest(allow) of " + AllowsThePlatform.class.getName()
                + ": allowed name [java.io] belongs to the platform (java); allow only packages of your application's own fact model, or load the rubric trusted");
    }

    @Test
    void aTrustedTestNeedsNoAllowedPackage() {
        Events tests = EngineTestKit.engine("junit-jupiter").configurationParameter("dev.rubric.testkit.examples", "true")
                .selectors(selectClass(Trusted.class)).execute().testEvents();

        assertThat(tests.succeeded().count()).isEqualTo(1);
    }

    private static String failure(Events events) {
        return events.failed().stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage()).findFirst().orElse("");
    }

    @RubricExtensionTest.Example
    @RubricTest(CANTEEN)
    static class NotAllowed {
        @Test
        void loads(Rubric rubric) {
        }
    }

    @RubricExtensionTest.Example
    @RubricTest(value = CANTEEN, allow = "java.io")
    static class AllowsThePlatform {
        @Test
        void loads(Rubric rubric) {
        }
    }

    @RubricExtensionTest.Example
    @RubricTest(value = CANTEEN, trusted = true)
    static class Trusted {
        @Test
        void loads(Rubric rubric) {
            assertThat(rubric.rules()).hasSize(1);
        }
    }
}
