package dev.rubric.testkit;

import dev.rubric.api.Rubric;
import dev.rubric.api.RubricRule;
import dev.rubric.model.CommendationLevel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.rubric.testkit.model.DepartmentBuilder.department;
import static org.assertj.core.api.Assertions.assertThat;

/** Rule coverage: each rule's two outcomes (fired, not fired), as a percentage rounded down to one decimal. */
@RubricTest(MiniRubric.LOCATION)
class CoverageTest {

    private final Rubric rubric;

    CoverageTest(Rubric rubric) {
        this.rubric = rubric;
    }

    @Test
    void nothingRecordedIsNoCoverageAndEveryRuleIsNeverEvaluated() {
        Coverage coverage = new Coverage(rubric.rules());

        assertThat(coverage.percent()).isEqualByComparingTo("0");
        assertThat(coverage.uncovered()).hasSize(4).containsValue("never evaluated");
        assertThat(coverage.report()).startsWith("rule coverage: 0% of 8 outcomes (4 rules fired and not fired) over 0 evaluations\n");
    }

    @Test
    void aDepartmentWithoutFaultsCoversEveryRulesSilenceThatIsHalf() {
        Coverage coverage = new Coverage(rubric.rules());

        coverage.record(rubric.evaluate(department().build()));

        assertThat(coverage.percent()).isEqualByComparingTo("50");
        assertThat(coverage.uncovered().values()).containsOnly("never fired");
    }

    @Test
    void aRuleThatAlwaysFiredIsListedAsSuch() {
        Coverage coverage = new Coverage(rubric.rules());

        coverage.record(rubric.evaluate(department().withLateTask("一").build()));
        coverage.record(rubric.evaluate(department().withLateTask("二").withCommendation("三", CommendationLevel.CITY).build()));

        // T1 fired only (1), T2 silent only (1), G1 both (2), V1 silent only (1): 5 of 8
        assertThat(coverage.percent()).isEqualByComparingTo("62.5");
        assertThat(coverage.uncovered()).extractingFromEntries(e -> e.getKey().id() + " " + e.getValue())
                .containsExactly("T1 always fired (no test where it does not)", "T2 never fired", "V1 never fired");
        assertThat(coverage.report()).isEqualTo("""
                rule coverage: 62.5% of 8 outcomes (4 rules fired and not fired) over 2 evaluations
                  T1  targets.drl:9  always fired (no test where it does not)
                  T2  targets.drl:18  never fired
                  V1  veto.drl:9  never fired
                """);
    }

    @Test
    void thePercentageIsRoundedDownSoThatItNeverClaimsMoreThanWasCovered() {
        List<RubricRule> threeRules = rubric.rules().stream().filter(r -> !r.id().equals("V1")).toList();
        Coverage coverage = new Coverage(threeRules);

        coverage.record(rubric.evaluate(department().withLateTask("一").withUnfinishedTask("二").build()));
        coverage.record(rubric.evaluate(department().withLateTask("三").withCommendation("四", CommendationLevel.CITY).build()));

        // T1 always fired: 5 of 6 outcomes: 83.33…% shown as 83.3%; 100% is reached only when everything is covered
        assertThat(coverage.percent()).isEqualByComparingTo("83.3");
        assertThat(coverage.meets(new BigDecimal("83.3"))).isTrue();
        assertThat(coverage.meets(new BigDecimal("83.4"))).isFalse();
        assertThat(coverage.uncovered()).extractingFromEntries(e -> e.getKey().id()).containsExactly("T1");
    }

    @Test
    void aCohortCountsEachOfItsSubjects() {
        Coverage coverage = new Coverage(rubric.rules());

        coverage.record(rubric.evaluateCohort(List.of(
                department("D01", "甲").withLateTask("一").withUnfinishedTask("二").withCommendation("三", CommendationLevel.CITY)
                        .withViolation(dev.rubric.model.ViolationKind.EIGHT_PROHIBITIONS, "四").build(),
                department("D02", "乙").build())));

        assertThat(coverage.evaluations()).isEqualTo(2);
        assertThat(coverage.percent()).isEqualByComparingTo("100");
        assertThat(coverage.uncovered()).isEmpty();
        assertThat(coverage.report()).isEqualTo("rule coverage: 100% of 8 outcomes (4 rules fired and not fired) over 2 evaluations\n");
    }

    @Test
    void noRulesAreFullyCovered() {
        assertThat(new Coverage(List.of()).percent()).isEqualByComparingTo("100");
    }
}
