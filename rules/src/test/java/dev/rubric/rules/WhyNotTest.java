package dev.rubric.rules;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import dev.rubric.testkit.WhatIf;
import dev.rubric.testkit.WhyNot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Why not, and what if, on the bundled cohort: 宣传部 (D06) and 妇联 (D11) tie at 93.34 on the fourth place,
 * the last the 优秀 quota (20% of 21 = 4) allows, so both drop to 良好.
 */
class WhyNotTest {

    static Rubric rubric;
    static List<Subject> cohort;
    static CohortResult result;

    @BeforeAll
    static void evaluateTheSample() throws IOException {
        rubric = Rubrics.load(BundledRubric.LOCATION);
        try (InputStream in = WhyNotTest.class.getResourceAsStream("/samples/party-mass-2026.json")) {
            cohort = rubric.readFacts(in, "party-mass-2026.json").subjects();
        }
        result = rubric.evaluateCohort(cohort);
    }

    @Test
    void aSubjectTiedAtTheQuotaCutLacksTheSmallestStepAboveIt() {
        // when
        WhyNot why = WhyNot.of(rubric, result, "D06");

        // then
        assertThat(why.result().total()).isEqualByComparingTo("93.34");
        assertThat(why.target()).isEqualTo("优秀");
        assertThat(why.lacking()).isEqualByComparingTo("0.01");
        assertThat(why.obstacles()).singleElement().asString()
                .startsWith("quota: ").contains("93.34").contains("subjects tied at the cut all drop");
        assertThat(why.costliest()).isNotEmpty().isSortedAccordingTo((a, b) -> b.points().abs().compareTo(a.points().abs()));
        assertThat(why.smallestRemoval()).hasSize(1);
        assertThat(why.report()).contains("next better grade: 优秀").contains("points lacking: 0.01").contains("without this item it would be 优秀");
    }

    @Test
    void removingTheItemWhyNamesGivesTheGradeAndPushesTheTiedRivalDown() {
        // given the fact behind the one item whose removal would make 宣传部 优秀
        ScoreItem item = WhyNot.of(rubric, result, "D06").smallestRemoval().get(0);
        String factId = item.evidence().get(0).id();

        // when
        WhatIf whatIf = WhatIf.evaluate(rubric, cohort, true, "D06", List.of(WhatIf.Change.without(factId)));

        // then
        assertThat(whatIf.before().grade()).isEqualTo("良好");
        assertThat(whatIf.after().grade()).isEqualTo("优秀");
        assertThat(whatIf.after().total()).isGreaterThan(new BigDecimal("93.34"));
        assertThat(whatIf.lost()).extracting(ScoreItem::rule).contains(item.rule());
        assertThat(whatIf.lost()).filteredOn(i -> i.kind() == ItemKind.QUOTA).hasSize(1);
        assertThat(whatIf.others()).singleElement().satisfies(o -> {
            assertThat(o.subject().id()).isEqualTo("D11");
            assertThat(o.rankBefore()).isEqualTo(4);
            assertThat(o.rankAfter()).isEqualTo(5);
            assertThat(o.gradeAfter()).isEqualTo("良好");
        });
        assertThat(whatIf.report()).contains("grade  良好 -> 优秀").contains("妇联 (D11)  rank 4 -> 5");
    }

    @Test
    void aVetoedSubjectIsToldTheVetoStandsInTheWay() {
        // given 档案局 (D18), vetoed
        Evaluation d18 = result.of("D18").orElseThrow();
        assertThat(d18.vetoed()).isTrue();

        // when
        WhyNot why = WhyNot.of(rubric, result, "D18");

        // then
        assertThat(why.obstacles()).anySatisfy(o -> assertThat(o).startsWith("veto "));
        assertThat(why.smallestRemoval()).anySatisfy(i -> assertThat(i.kind()).isEqualTo(ItemKind.VETO));
    }

    @Test
    void theBestSubjectHasNoBetterGrade() {
        // when
        WhyNot why = WhyNot.of(rubric, result, "D04");

        // then
        assertThat(why.target()).isNull();
        assertThat(why.report()).contains("already has the best grade");
    }

    @Test
    void settingAPropertyChangesTheFactAndAnUnknownOneIsNamed() {
        // given a task of 宣传部
        String task = cohort.stream().filter(s -> s.id().equals("D06")).findFirst().orElseThrow().facts().stream()
                .filter(f -> f instanceof dev.rubric.model.TargetTask).map(f -> ((dev.rubric.model.TargetTask) f).id()).findFirst().orElseThrow();

        // when / then
        assertThatThrownBy(() -> WhatIf.evaluate(rubric, cohort, true, "D06", List.of(WhatIf.Change.set(task, "titel", "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fact [" + task + "] (TargetTask) has no property [titel] (did you mean [title]?)");
        assertThatThrownBy(() -> WhatIf.evaluate(rubric, cohort, true, "D06", List.of(WhatIf.Change.without("T-NONE"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("subject [D06] has no fact with id [T-NONE]");
        WhatIf renamed = WhatIf.evaluate(rubric, cohort, true, "D06", List.of(WhatIf.Change.parse(task + ".title=新标题")));
        assertThat(renamed.after().total()).isEqualByComparingTo(renamed.before().total());
    }
}
