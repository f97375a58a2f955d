package dev.rubric.rules;

import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.model.Commendation;
import dev.rubric.model.CommendationKind;
import dev.rubric.model.CommendationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.rubric.rules.DepartmentYear.day;
import static dev.rubric.rules.DepartmentYear.wellRun;
import static org.assertj.core.api.Assertions.assertThat;

/** 加分项 (bonus.drl): G1. */
class BonusRulesTest {

    private static Commendation honour(String id, String achievement, CommendationLevel level) {
        return new Commendation(id, achievement, level.label() + "先进集体", CommendationKind.HONOUR, level, day("2026-10-30"));
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @CsvSource({"NATIONAL, 3", "PROVINCIAL, 2", "CITY, 1", "COUNTY, 0.5"})
    void g1_aCommendationGivesPointsByTheLevelOfTheBodyThatGaveIt(CommendationLevel level, String points) {
        var outcome = wellRun().with(honour("CM-1", "美德在农家创建", level)).evaluate();

        assertThat(outcome.points("G1")).as(outcome.explanation()).containsExactly(points);
        assertThat(outcome.category("bonus")).isEqualTo(points);
    }

    @Test
    void g1_anInnovationAdoptedByAHigherBodyCountsLikeACommendation() {
        var adopted = new Commendation("CM-1", "督查三单工作法", "督查督办“三单”工作法被市委办公室推广",
                CommendationKind.INNOVATION_ADOPTED, CommendationLevel.CITY, day("2026-08-20"));

        var outcome = wellRun().with(adopted).evaluate();

        assertThat(outcome.points("G1")).as(outcome.explanation()).containsExactly("1");
        assertThat(outcome.only("G1", ItemKind.ADDITION).reason()).contains("创新做法被采纳推广");
    }

    @Test
    void g1_oneAchievementCountsOnceAtItsHighestLevel() {
        var outcome = wellRun()
                .with(honour("CM-1", "美德在农家创建", CommendationLevel.CITY),
                      honour("CM-2", "美德在农家创建", CommendationLevel.PROVINCIAL),
                      honour("CM-3", "美德在农家创建", CommendationLevel.PROVINCIAL),
                      honour("CM-4", "妇女创业", CommendationLevel.COUNTY))
                .evaluate();

        assertThat(outcome.points("G1")).as(outcome.explanation()).containsExactlyInAnyOrder("2", "0.5");
        assertThat(outcome.items("G1")).flatExtracting(i -> i.evidence()).extracting(Evidence::id)
                .containsExactlyInAnyOrder("CM-2", "CM-4");
    }

    @Test
    void g1_theBonusCategoryStopsAtFivePoints() {
        var outcome = wellRun()
                .with(honour("CM-1", "甲", CommendationLevel.NATIONAL), honour("CM-2", "乙", CommendationLevel.PROVINCIAL),
                      honour("CM-3", "丙", CommendationLevel.CITY))
                .evaluate();

        assertThat(outcome.points("G1")).as(outcome.explanation()).hasSize(3);
        assertThat(outcome.category("bonus")).isEqualTo("5");
        assertThat(outcome.total()).isEqualTo("105");
    }

    @Test
    void g1_aYearWithoutCommendationsEarnsNothing() {
        var outcome = wellRun().evaluate();

        assertThat(outcome.items("G1")).as(outcome.explanation()).isEmpty();
        assertThat(outcome.category("bonus")).isEqualTo("0");
    }
}
