package dev.rubric.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class about one rubric: the rubric is loaded once and injected into test methods, constructors
 * and lifecycle methods as a {@link dev.rubric.api.Rubric} parameter.
 *
 * <pre>{@code
 * @RubricTest("classpath:rubrics/party-mass-efficiency")
 * class TargetRulesTest {
 *     @Test
 *     void aLateTaskCostsOnePoint(Rubric rubric) {
 *         assertThat(rubric.evaluate(department().withLateTask("…").build())).hasItem("A2").withPoints("-1");
 *     }
 * }
 * }</pre>
 *
 * <p>Every evaluation made through the injected rubric counts toward the class's rule coverage; with
 * {@link #minCoverage()} the class fails after its tests when coverage is below it, listing what is missing.
 * A class about part of a rubric (one rule file, as tests are usually laid out) names that part with
 * {@link #covers()}, so that its coverage is measured over those rules only:
 *
 * <pre>{@code
 * @RubricTest(value = "classpath:rubrics/party-mass-efficiency", covers = "targets.drl", minCoverage = 100)
 * class TargetRulesTest { ... }   // fails unless A1–A4 each fire in some test and stay silent in another
 * }</pre>
 *
 * <p>The rubric loads restricted, as {@link dev.rubric.api.Rubrics#load(String)} does. A rubric over the
 * application's own fact classes names their packages with {@link #allow()}; a rubric the team wrote itself may
 * be loaded {@link #trusted()}:
 *
 * <pre>{@code
 * @RubricTest(value = "classpath:rubrics/canteen", allow = "org.example.canteen")
 * class FridgeRulesTest { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RubricExtension.class)
public @interface RubricTest {

    /** The rubric: {@code classpath:NAME} or a folder path. */
    String value();

    /** The least rule coverage, in percent, the class's tests must reach; negative (the default) for no check. */
    double minCoverage() default -1;

    /**
     * The rules whose coverage this class measures, each a rule file ({@code targets.drl}) or a rule id
     * ({@code A2}); empty (the default) for every rule of the rubric. A name that matches no rule is a
     * configuration error.
     */
    String[] covers() default {};

    /**
     * Packages or classes of the application's own fact model the restricted rubric may use, each a fully qualified
     * name ({@code org.example.canteen}); see {@link dev.rubric.api.LoadOptions#allowing(String...)}.
     */
    String[] allow() default {};

    /** Whether the rubric is loaded as trusted code ({@link dev.rubric.api.LoadOptions#unrestricted()}); false by default. */
    boolean trusted() default false;
}
