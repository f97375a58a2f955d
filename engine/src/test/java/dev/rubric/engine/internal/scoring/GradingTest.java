package dev.rubric.engine.internal.scoring;

import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.Manifest.Better;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.SubjectRef;
import dev.rubric.api.VetoEffect;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.rubric.engine.internal.scoring.RubricParts.band;
import static dev.rubric.engine.internal.scoring.RubricParts.category;
import static dev.rubric.engine.internal.scoring.RubricParts.deduction;
import static dev.rubric.engine.internal.scoring.RubricParts.rubric;
import static dev.rubric.engine.internal.scoring.RubricParts.rule;
import static dev.rubric.engine.internal.scoring.RubricParts.evaluated;
import static dev.rubric.engine.internal.scoring.RubricParts.hundredPoints;
import static dev.rubric.engine.internal.scoring.RubricParts.limit;
import static dev.rubric.engine.internal.scoring.RubricParts.lines;
import static dev.rubric.engine.internal.scoring.RubricParts.sum;
import static dev.rubric.engine.internal.scoring.RubricParts.veto;
import static dev.rubric.engine.internal.scoring.RubricParts.verdictRule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract §4, steps 4 to 6: the grade from the bands, grade limits, and vetoes by their effects.
 */
class GradingTest {

    /** 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 otherwise, as in the contract's example manifest. */
    private static final Manifest FOUR_GRADES = hundredPoints(band("优秀", "90", null), band("良好", "80", null),
            band("合格", "60", null), band("不合格", null, null));

    private static final RubricRule G1 = verdictRule("G1", null);
    private static final RubricRule G2 = verdictRule("G2", null);

    @Nested
    class Bands {

        @ParameterizedTest(name = "a total of {0} is graded {1}")
        @CsvSource({"100, 优秀", "90, 优秀", "89.99, 良好", "80, 良好", "79.5, 合格", "60, 合格", "59.9, 不合格", "0, 不合格"})
        void theFirstBandWhoseInclusiveMinimumHoldsWins(String total, String grade) {
            // when
            Evaluation e = evaluated(FOUR_GRADES, "S", total);

            // then
            assertThat(e.grade()).isEqualTo(grade);
        }

        @ParameterizedTest(name = "a total of {0} is graded {1}")
        @CsvSource({"15, A", "15.5, B", "20, B", "20.1, C", "40, C", "40.5, D"})
        void bandsWithBothBoundsIncludeBoth(String total, String grade) {
            // given bands bounded on both sides
            Manifest manifest = hundredPoints(band("A", "0", "15"), band("B", "15.5", "20"), band("C", "20.1", "40"),
                    band("D", null, null));

            // when
            Evaluation e = evaluated(manifest, "S", total);

            // then
            assertThat(e.grade()).isEqualTo(grade);
        }

        @Test
        void aTotalNoBandMatchesGetsNoGrade() {
            // given bands that leave totals below 60 uncovered
            Manifest manifest = hundredPoints(band("pass", "60", null));

            // when
            Evaluation e = evaluated(manifest, "S", "50");

            // then
            assertThat(e.grade()).isNull();
            assertThat(e.gradeIfGiven()).isEmpty();
        }

        @Test
        void aRubricWithoutGradesGivesNone() {
            // when
            Evaluation e = evaluated(hundredPoints(), "S", "70");

            // then
            assertThat(e.grade()).isNull();
            assertThat(e.total()).isEqualByComparingTo("70");
        }
    }

    @Nested
    class GradeLimits {

        @Test
        void aLimitMakesTheGradeNoBetterThanItsGrade() {
            // when a subject of 95 is limited to 合格
            Evaluation e = evaluated(FOUR_GRADES, "S", "95", limit(G1, "合格"));

            // then the grade is 合格 and the limit is recorded with its grade
            assertThat(e.grade()).isEqualTo("合格");
            assertThat(lines(e.items())).containsExactly("LOSS DEDUCTION -5", "G1 GRADE_LIMIT 0");
            ScoreItem item = e.items().get(1);
            assertThat(item.grade()).isEqualTo("合格");
            assertThat(item.category()).isNull();
            assertThat(item.source()).isEqualTo(G1.source());
            assertThat(e.total()).isEqualByComparingTo("95");
        }

        @Test
        void aLimitNeverImprovesAGrade() {
            // when a subject of 65 (合格) is limited to 良好
            Evaluation e = evaluated(FOUR_GRADES, "S", "65", limit(G1, "良好"));

            // then
            assertThat(e.grade()).isEqualTo("合格");
        }

        @Test
        void theMostRestrictiveLimitWinsWhateverTheOrder() {
            // when
            Evaluation first = evaluated(FOUR_GRADES, "S", "95", limit(G1, "合格"), limit(G2, "良好"));
            Evaluation second = evaluated(FOUR_GRADES, "S", "95", limit(G2, "良好"), limit(G1, "合格"));

            // then
            assertThat(first.grade()).isEqualTo("合格");
            assertThat(second.grade()).isEqualTo("合格");
        }

        @Test
        void aLimitIsNotAVeto() {
            // when
            Evaluation e = evaluated(FOUR_GRADES, "S", "95", limit(G1, "良好"));

            // then
            assertThat(e.vetoed()).isFalse();
        }
    }

    @Nested
    class Vetoes {

        @Test
        void failGivesTheLowestGradeAndKeepsTheTotal() {
            // when
            Evaluation e = evaluated(FOUR_GRADES, "S", "95", veto(G1, new VetoEffect.Fail()));

            // then
            assertThat(e.grade()).isEqualTo("不合格");
            assertThat(e.vetoed()).isTrue();
            assertThat(e.total()).isEqualByComparingTo("95");
            assertThat(e.totalBeforeVeto()).isEqualByComparingTo("95");
            ScoreItem item = e.items().get(e.items().size() - 1);
            assertThat(item.kind()).isEqualTo(ItemKind.VETO);
            assertThat(item.effect()).isEqualTo(new VetoEffect.Fail());
            assertThat(item.grade()).isEqualTo("不合格");
            assertThat(item.points()).isEqualByComparingTo("0");
        }

        @Test
        void zeroMakesTheTotalZeroAsAnItemAndKeepsTheTotalBeforeTheVeto() {
            // when
            Evaluation e = evaluated(FOUR_GRADES, "S", "87.5", veto(G1, new VetoEffect.Zero()));

            // then the total is 0, the veto item carries -87.5, and 87.5 stays visible
            assertThat(e.total()).isEqualByComparingTo("0");
            assertThat(e.totalBeforeVeto()).isEqualByComparingTo("87.5");
            assertThat(lines(e.items())).containsExactly("LOSS DEDUCTION -12.5", "G1 VETO -87.5");
            assertThat(e.items().get(1).effect()).isEqualTo(new VetoEffect.Zero());
            assertThat(e.items().get(1).reason()).contains("87.5");
            assertThat(e.base().add(sum(e.items()))).isEqualByComparingTo(e.total());
        }

        @Test
        void zeroTakesTheGradeAgainFromTheBands() {
            // when
            Evaluation e = evaluated(FOUR_GRADES, "S", "95", veto(G1, new VetoEffect.Zero()));

            // then 0 is graded 不合格
            assertThat(e.grade()).isEqualTo("不合格");
        }

        @Test
        void zeroNeverGivesABetterGradeThanTheBandsGaveBefore() {
            // given a scheme where a total of 0 would be graded best (penalty points, lower is better)
            Manifest manifest = hundredPoints(band("5", null, "15"), band("4", null, "30"), band("0", null, null));

            // when a subject of 50 (grade 0) is zeroed
            Evaluation e = evaluated(manifest, "S", "50", veto(G1, new VetoEffect.Zero()));

            // then it keeps grade 0: the veto does not lift it to 5
            assertThat(e.total()).isEqualByComparingTo("0");
            assertThat(e.grade()).isEqualTo("0");
        }

        @Test
        void zeroNeverRaisesANegativeTotal() {
            // given a category that may go below zero, and a subject at -5
            Manifest manifest = rubric().category(category("score", "-10", "100")).grade(band("A", "90", null)).grade(band("F", null, null)).build();
            RubricRule loss = rule("LOSS", "score", null);
            Scoring.Subtotal subtotal = Scoring.subtotal(manifest, List.of(loss), List.of(deduction(loss, "105")), Wording.of(manifest));

            // when it is zeroed
            Evaluation e = Scoring.finish(manifest, new SubjectRef("S", null), subtotal, List.of(veto(G1, new VetoEffect.Zero())), Wording.of(manifest));

            // then the veto does not lift it to 0: vetoes only ever worsen the outcome
            assertThat(e.total()).isEqualByComparingTo("-5");
            assertThat(e.grade()).isEqualTo("F");
            assertThat(e.base().add(sum(e.items()))).isEqualByComparingTo(e.total());
        }

        @Test
        void zeroTakesTheGradeAgainForTheTotalThatStaysNotForZero() {
            // given a category that may go below zero, and bands that leave 0 uncovered but hold -5
            Manifest manifest = rubric().category(category("score", "-10", "100")).grade(band("A", "90", null))
                    .grade(band("F", null, "-1")).build();
            RubricRule loss = rule("LOSS", "score", null);
            Scoring.Subtotal subtotal = Scoring.subtotal(manifest, List.of(loss), List.of(deduction(loss, "105")), Wording.of(manifest));

            // when the subject at -5 is zeroed
            Evaluation e = Scoring.finish(manifest, new SubjectRef("S", null), subtotal, List.of(veto(G1, new VetoEffect.Zero())), Wording.of(manifest));

            // then its total stays -5 and the bands give it F again (contract §4.6), not "no grade" for a total of 0 it does not have
            assertThat(e.total()).isEqualByComparingTo("-5");
            assertThat(e.grade()).isEqualTo("F");
            assertThat(e.vetoed()).isTrue();
        }

        @Test
        void zeroWhereNoBandHoldsZeroGivesNoGradeRatherThanTheEarlierOne() {
            // given bands that leave 0 uncovered
            Manifest manifest = hundredPoints(band("A", "90", null), band("B", "50", null));

            // when a subject of 95 (grade A) is zeroed
            Evaluation e = evaluated(manifest, "S", "95", veto(G1, new VetoEffect.Zero()));

            // then
            assertThat(e.total()).isEqualByComparingTo("0");
            assertThat(e.grade()).isNull();
        }

        @Test
        void zeroLeavesALowerIsBetterTotalAloneSinceZeroWouldBeTheBestTotal() {
            // given penalty points, lower is better
            Manifest manifest = rubric().category(category("score", "100")).better(Better.LOWER)
                    .grade(band("5", null, "15")).grade(band("0", null, null)).build();

            // when a subject of 50 is zeroed
            Evaluation e = evaluated(manifest, "S", "50", veto(G1, new VetoEffect.Zero()));

            // then its total stays 50 and it keeps its grade; it is vetoed
            assertThat(e.total()).isEqualByComparingTo("50");
            assertThat(e.grade()).isEqualTo("0");
            assertThat(e.vetoed()).isTrue();
        }

        @Test
        void zeroRespectsAGradeLimit() {
            // given the same scheme, a subject of 10 (grade 5) limited to 4
            Manifest manifest = hundredPoints(band("5", null, "15"), band("4", null, "30"), band("0", null, null));

            // when it is zeroed
            Evaluation e = evaluated(manifest, "S", "10", limit(G2, "4"), veto(G1, new VetoEffect.Zero()));

            // then
            assertThat(e.grade()).isEqualTo("4");
        }

        @Test
        void twoZeroingVetoesTakeTheTotalAwayOnce() {
            // when
            Evaluation e = evaluated(FOUR_GRADES, "S", "70", veto(G1, new VetoEffect.Zero()), veto(G2, new VetoEffect.Zero()));

            // then
            assertThat(lines(e.items())).containsExactly("LOSS DEDUCTION -30", "G1 VETO -70", "G2 VETO 0");
            assertThat(e.total()).isEqualByComparingTo("0");
            assertThat(e.base().add(sum(e.items()))).isEqualByComparingTo(e.total());
        }

        @Test
        void noneGivesNoGrade() {
            // when
            Evaluation e = evaluated(FOUR_GRADES, "S", "95", veto(G1, new VetoEffect.NoGrade()));

            // then 不评定等级: no grade, the total unchanged
            assertThat(e.grade()).isNull();
            assertThat(e.vetoed()).isTrue();
            assertThat(e.total()).isEqualByComparingTo("95");
            assertThat(e.items().get(e.items().size() - 1).effect()).isEqualTo(new VetoEffect.NoGrade());
        }

        @Test
        void capMakesTheGradeNoBetterThanItsGrade() {
            // when
            Evaluation e = evaluated(FOUR_GRADES, "S", "95", veto(G1, new VetoEffect.Cap("良好")));

            // then
            assertThat(e.grade()).isEqualTo("良好");
            assertThat(e.total()).isEqualByComparingTo("95");
            ScoreItem item = e.items().get(e.items().size() - 1);
            assertThat(item.effect()).isEqualTo(new VetoEffect.Cap("良好"));
            assertThat(item.grade()).isEqualTo("良好");
        }

        @Test
        void capNeverImprovesAGrade() {
            // when a subject of 65 (合格) gets a veto capping at 良好
            Evaluation e = evaluated(FOUR_GRADES, "S", "65", veto(G1, new VetoEffect.Cap("良好")));

            // then
            assertThat(e.grade()).isEqualTo("合格");
        }

        @Test
        void capNeverImprovesAGradeLimit() {
            // when a subject of 95 limited to 合格 gets a veto capping at 良好
            Evaluation e = evaluated(FOUR_GRADES, "S", "95", limit(G2, "合格"), veto(G1, new VetoEffect.Cap("良好")));

            // then
            assertThat(e.grade()).isEqualTo("合格");
        }

        @Test
        void failAfterACapStillGivesTheLowestGrade() {
            // when
            Evaluation e = evaluated(FOUR_GRADES, "S", "95", veto(G1, new VetoEffect.Cap("良好")), veto(G2, new VetoEffect.Fail()));

            // then
            assertThat(e.grade()).isEqualTo("不合格");
        }

        @Test
        void aCapAfterFailDoesNotLiftTheGrade() {
            // when
            Evaluation e = evaluated(FOUR_GRADES, "S", "95", veto(G2, new VetoEffect.Fail()), veto(G1, new VetoEffect.Cap("良好")));

            // then
            assertThat(e.grade()).isEqualTo("不合格");
        }

        @Test
        void noneWinsOverEveryOtherEffect() {
            // when
            Evaluation e = evaluated(FOUR_GRADES, "S", "95", veto(G1, new VetoEffect.NoGrade()), veto(G2, new VetoEffect.Fail()));

            // then
            assertThat(e.grade()).isNull();
        }

        @Test
        void vetoesComeAfterGradeLimitsInTheExplanation() {
            // when the veto was written before the limit
            Evaluation e = evaluated(FOUR_GRADES, "S", "95", veto(G1, new VetoEffect.Fail()), limit(G2, "良好"));

            // then
            assertThat(lines(e.items())).containsExactly("LOSS DEDUCTION -5", "G2 GRADE_LIMIT 0", "G1 VETO 0");
        }

        @Test
        void aSubjectWithoutVetoHasItsTotalAsTotalBeforeVeto() {
            // when
            Evaluation e = evaluated(FOUR_GRADES, "S", "81");

            // then
            assertThat(e.vetoed()).isFalse();
            assertThat(e.totalBeforeVeto()).isEqualByComparingTo("81");
        }
    }
}
