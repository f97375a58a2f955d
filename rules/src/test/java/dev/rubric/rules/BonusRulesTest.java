package dev.rubric.rules;

import dev.rubric.api.ItemKind;
import dev.rubric.api.Rubric;
import dev.rubric.model.Commendation;
import dev.rubric.model.CommendationKind;
import dev.rubric.model.CommendationLevel;
import dev.rubric.testkit.RubricTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.rubric.testkit.RubricAssertions.assertThat;
import static dev.rubric.testkit.model.DepartmentBuilder.day;
import static dev.rubric.testkit.model.DepartmentBuilder.department;

/** 加分项 (bonus.drl): G1. */
@RubricTest(value = "classpath:rubrics/party-mass-efficiency", covers = "bonus.drl", minCoverage = 100)
class BonusRulesTest {

    private final Rubric rubric;

    BonusRulesTest(Rubric rubric) {
        this.rubric = rubric;
    }

    private static Commendation honour(String id, String achievement, CommendationLevel level) {
        return new Commendation(id, achievement, level.label() + "先进集体", CommendationKind.HONOUR, level, day("2026-10-30"));
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @CsvSource({"NATIONAL, 3", "PROVINCIAL, 2", "CITY, 1", "COUNTY, 0.5"})
    void g1_aCommendationGivesPointsByTheLevelOfTheBodyThatGaveIt(CommendationLevel level, String points) {
        var result = rubric.evaluate(department().withCommendation("美德在农家创建", level).build());

        assertThat(result).hasCategoryScore("bonus", points)
                .hasItem("G1").withPoints(points).ofKind(ItemKind.ADDITION);
    }

    @Test
    void g1_anInnovationAdoptedByAHigherBodyCountsLikeACommendation() {
        var adopted = new Commendation("CM-1", "督查三单工作法", "督查督办“三单”工作法被市委办公室推广",
                CommendationKind.INNOVATION_ADOPTED, CommendationLevel.CITY, day("2026-08-20"));

        var result = rubric.evaluate(department().with(adopted).build());

        assertThat(result).hasTotal("101").hasItem("G1").withPoints("1").withReasonContaining("创新做法被采纳推广");
    }

    @Test
    void g1_oneAchievementCountsOnceAtItsHighestLevel() {
        var result = rubric.evaluate(department()
                .with(honour("CM-1", "美德在农家创建", CommendationLevel.CITY),
                      honour("CM-2", "美德在农家创建", CommendationLevel.PROVINCIAL),
                      honour("CM-3", "美德在农家创建", CommendationLevel.PROVINCIAL),
                      honour("CM-4", "妇女创业", CommendationLevel.COUNTY))
                .build());

        assertThat(result).hasItem("G1").withItemPoints("2", "0.5").citing("CM-2").citing("CM-4");
    }

    @Test
    void g1_theBonusCategoryStopsAtFivePoints() {
        var result = rubric.evaluate(department()
                .with(honour("CM-1", "甲", CommendationLevel.NATIONAL), honour("CM-2", "乙", CommendationLevel.PROVINCIAL),
                      honour("CM-3", "丙", CommendationLevel.CITY))
                .build());

        assertThat(result).hasCategoryScore("bonus", "5").hasTotal("105").isBalanced()
                .hasItem("G1").times(3).withPoints("6");
    }

    @Test
    void g1_aYearWithoutCommendationsEarnsNothing() {
        var result = rubric.evaluate(department().build());

        assertThat(result).hasNoItem("G1").hasCategoryScore("bonus", "0");
    }

    @Test
    void g1_lastYearsEfficiencyAwardIsNotCountedAgain() {
        var award = new Commendation("CM-1", "2025年度效能考评", "2025年度党群部门效能考评成绩突出单位",
                CommendationKind.EFFICIENCY_AWARD, CommendationLevel.COUNTY, day("2026-02-26"));

        var result = rubric.evaluate(department().with(award).build());

        assertThat(result).hasNoItem("G1").hasTotal("100");
    }
}
