package dev.rubric.engine;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariant {@code base + sum(items.points) == total} for results the engine itself produces, from
 * random facts through the rules, the arithmetic and the cohort step.
 */
class EngineInvariantTest {

    private static final Rubric HYGIENE = Rubrics.load("classpath:rubrics/hygiene");

    record Finding(String area, BigDecimal points) {
    }

    @Property(tries = 60)
    void everyResultOfACohortAddsUpExactly(@ForAll("cohorts") List<List<Finding>> cohort) {
        // given
        List<Subject> subjects = new ArrayList<>();
        for (int k = 0; k < cohort.size(); k++) {
            List<Object> facts = new ArrayList<>();
            for (int f = 0; f < cohort.get(k).size(); f++) {
                Finding finding = cohort.get(k).get(f);
                facts.add(HYGIENE.newFact("Finding", Map.of("id", "F" + f, "area", finding.area(), "points", finding.points())));
            }
            subjects.add(new Subject("K" + k, null, facts));
        }

        // when
        CohortResult result = HYGIENE.evaluateCohort(subjects);

        // then
        for (Evaluation e : result.results()) {
            BigDecimal sum = e.items().stream().map(ScoreItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(e.base().add(sum)).isEqualByComparingTo(e.total());
            assertThat(e.total()).isBetween(BigDecimal.ZERO, new BigDecimal("55"));
        }
    }

    @Provide
    Arbitrary<List<List<Finding>>> cohorts() {
        Arbitrary<Finding> finding = Combinators.combine(
                Arbitraries.of("hygiene", "structure", "elsewhere"),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(30)).ofScale(2)
        ).as(Finding::new);
        return finding.list().ofMaxSize(8).list().ofMinSize(1).ofMaxSize(6);
    }
}
