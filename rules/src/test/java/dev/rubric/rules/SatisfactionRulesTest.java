package dev.rubric.rules;

import dev.rubric.api.ItemKind;
import dev.rubric.model.RaterGroup;
import dev.rubric.model.Survey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.rubric.rules.DepartmentYear.wellRun;
import static org.assertj.core.api.Assertions.assertThat;

/** 满意度测评 (satisfaction.drl): F1–F6, each rater group weighted. */
class SatisfactionRulesTest {

    @ParameterizedTest(name = "{1} ({0}): {3} of {2} satisfied costs {4}")
    @CsvSource({
            "LEADERS,     F1, 20,  17, -0.45",   // 3 × 3/20
            "PUBLIC,      F2, 100, 88, -0.48",   // 4 × 12/100
            "STAFF,       F3, 30,  29, -0.07",   // 2 × 1/30 = 0.0666… → 0.07
            "SUPERIOR,    F4, 10,  8,  -0.4",    // 2 × 2/10
            "PEER,        F5, 20,  17, -0.3",    // 2 × 3/20
            "SUBORDINATE, F6, 10,  0,  -2"       // 2 × 10/10: the whole weight
    })
    void eachRaterGroupCostsItsWeightTimesTheShareNotSatisfied(RaterGroup group, String rule, int respondents, int satisfied, String points) {
        var outcome = wellRun().with(new Survey("SV-1", group, respondents, satisfied)).evaluate();

        assertThat(outcome.points(rule)).as(outcome.explanation()).containsExactly(points);
        assertThat(outcome.only(rule, ItemKind.DEDUCTION).reason()).startsWith(group.label() + "满意率");
    }

    @ParameterizedTest(name = "{1} ({0}) fully satisfied costs nothing")
    @CsvSource({"LEADERS, F1", "PUBLIC, F2", "STAFF, F3", "SUPERIOR, F4", "PEER, F5", "SUBORDINATE, F6"})
    void aGroupFullySatisfiedCostsNothing(RaterGroup group, String rule) {
        var outcome = wellRun().with(new Survey("SV-1", group, 20, 20)).evaluate();

        assertThat(outcome.items(rule)).as(outcome.explanation()).isEmpty();
    }

    @Test
    void theReasonShowsTheRateAndTheCount() {
        var outcome = wellRun().with(new Survey("SV-1", RaterGroup.PUBLIC, 200, 189)).evaluate();

        assertThat(outcome.only("F2", ItemKind.DEDUCTION).reason()).isEqualTo("群众测评满意率94.5%（189/200人满意），按权重4分折算");
        assertThat(outcome.points("F2")).containsExactly("-0.22");
    }
}
