package dev.rubric.rules;

import dev.rubric.api.Rubric;
import dev.rubric.model.RaterGroup;
import dev.rubric.model.Survey;
import dev.rubric.testkit.RubricTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.rubric.testkit.RubricAssertions.assertThat;
import static dev.rubric.testkit.model.DepartmentBuilder.department;

/** 满意度测评 (satisfaction.drl): F1–F6, each rater group weighted. */
@RubricTest(value = "classpath:rubrics/party-mass-efficiency", covers = "satisfaction.drl", minCoverage = 100)
class SatisfactionRulesTest {

    private final Rubric rubric;

    SatisfactionRulesTest(Rubric rubric) {
        this.rubric = rubric;
    }

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
        var result = rubric.evaluate(department().withSurvey(group, respondents, satisfied).build());

        assertThat(result).hasItem(rule).withPoints(points).withReasonContaining(group.label() + "：测评" + respondents + "人");
    }

    @ParameterizedTest(name = "{1} ({0}) fully satisfied costs nothing")
    @CsvSource({"LEADERS, F1", "PUBLIC, F2", "STAFF, F3", "SUPERIOR, F4", "PEER, F5", "SUBORDINATE, F6"})
    void aGroupFullySatisfiedCostsNothing(RaterGroup group, String rule) {
        var result = rubric.evaluate(department().withSurvey(group, 20, 20).build());

        assertThat(result).hasNoItem(rule).hasTotal("100");
    }

    @Test
    void theReasonShowsTheAnswersTheRateAndThePointsGiven() {
        var result = rubric.evaluate(department().withSurvey(RaterGroup.PUBLIC, 200, 189).build());

        assertThat(result).hasTotal("99.78").hasItem("F2").withPoints("-0.22")
                .withReasonContaining("群众测评：测评200人，满意189人、基本满意0人、不满意11人，满意度94.5%；本项权重4分，得3.78分");
    }

    @Test
    void basicallySatisfiedCountsSixTenthsOfSatisfied() {
        // 20 leaders: 10 满意, 10 基本满意 → 满意度 (10 + 10 × 0.6) ÷ 20 = 80%, 3 × 20% = 0.6 deducted
        var survey = new Survey("SV-1", RaterGroup.LEADERS, 20, 10, 10);

        var result = rubric.evaluate(department().with(survey).build());

        assertThat(result).hasTotal("99.4").hasItem("F1").withPoints("-0.6")
                .withReasonContaining("满意10人、基本满意10人、不满意0人，满意度80%；本项权重3分，得2.4分");
    }
}
