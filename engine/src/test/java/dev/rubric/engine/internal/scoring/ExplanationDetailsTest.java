package dev.rubric.engine.internal.scoring;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.SubjectRef;
import dev.rubric.api.VetoEffect;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.rubric.engine.internal.scoring.RubricParts.INFO;
import static dev.rubric.engine.internal.scoring.RubricParts.band;
import static dev.rubric.engine.internal.scoring.RubricParts.category;
import static dev.rubric.engine.internal.scoring.RubricParts.earn;
import static dev.rubric.engine.internal.scoring.RubricParts.evaluated;
import static dev.rubric.engine.internal.scoring.RubricParts.hundredPoints;
import static dev.rubric.engine.internal.scoring.RubricParts.lines;
import static dev.rubric.engine.internal.scoring.RubricParts.n;
import static dev.rubric.engine.internal.scoring.RubricParts.rubric;
import static dev.rubric.engine.internal.scoring.RubricParts.rule;
import static dev.rubric.engine.internal.scoring.RubricParts.veto;
import static dev.rubric.engine.internal.scoring.RubricParts.verdictRule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The details of an explanation the arithmetic tests leave open: which of two equal deductions of one problem
 * counts, where items of rules the rubric does not list go, a rule cap met exactly, a veto zeroing a total of 0,
 * a quota on the last band, and the wording of clamps, zeroing vetoes and quota drops in both languages.
 */
class ExplanationDetailsTest {

    private static final Manifest CHINESE = rubric().name("党群部门效能考评").category(category("c", "10")).category(earn("b", "0", "5"))
            .build();
    private static final Manifest ENGLISH = rubric().name("Kitchen hygiene").category(category("c", "10")).category(earn("b", "0", "5"))
            .build();

    private static RawItem deduction(RubricRule rule, String points, String reason, String problem) {
        List<Evidence> evidence = problem == null ? List.of() : List.of(new Evidence("SameProblem", problem, Map.of("id", problem)));
        return new RawItem(rule, ItemKind.DEDUCTION, n(points).negate(), reason, evidence, null, null);
    }

    private static RawItem addition(RubricRule rule, String points) {
        return new RawItem(rule, ItemKind.ADDITION, n(points), "adds " + points, List.of(), null, null);
    }

    @Nested
    class OneProblemDeductedTwice {

        @Test
        void byTheSameRuleTheFirstDeductionCounts() {
            // given one rule deducting the same problem twice, equally
            RubricRule d1 = rule("D1", "c", null);

            // when
            Scoring.Subtotal s = Scoring.subtotal(CHINESE, List.of(d1),
                    List.of(deduction(d1, "1", "first", "P"), deduction(d1, "1", "second", "P")), Wording.of(CHINESE));

            // then
            assertThat(s.items()).extracting(i -> i.reason() + " " + i.points().toPlainString())
                    .containsExactly("first -1", "second（与「D1 rule」属同一问题，已在该项扣分，本项不重复扣分（应扣1分）） 0");
        }

        @Test
        void aRuleTheRubricListsCountsBeforeOneItDoesNotWhateverTheirOrder() {
            // given D1, the rubric's first rule, and X9, which it does not list
            RubricRule d1 = rule("D1", "c", null);
            RubricRule x9 = rule("X9", "c", null);

            // when each deducts the same problem equally, in both orders
            Scoring.Subtotal unknownFirst = Scoring.subtotal(ENGLISH, List.of(d1),
                    List.of(deduction(x9, "1", "x9", "P"), deduction(d1, "1", "d1", "P")), Wording.of(ENGLISH));
            Scoring.Subtotal knownFirst = Scoring.subtotal(ENGLISH, List.of(d1),
                    List.of(deduction(d1, "1", "d1", "P"), deduction(x9, "1", "x9", "P")), Wording.of(ENGLISH));

            // then D1 counts in both, and X9 says so in English
            for (Scoring.Subtotal s : List.of(unknownFirst, knownFirst)) {
                assertThat(lines(s.items())).containsExactly("D1 DEDUCTION -1", "X9 DEDUCTION 0");
                assertThat(s.items().get(1).reason()).isEqualTo("x9 (the same problem as [D1 rule], deducted there; not deducted again (1 points))");
            }
        }
    }

    @Test
    void itemsOfRulesTheRubricDoesNotListComeLastInTheOrderTheyFirstAppear() {
        // given the rubric lists R1 only
        RubricRule r1 = rule("R1", "c", null);
        RubricRule x8 = rule("X8", "c", null);
        RubricRule x9 = rule("X9", "c", null);

        // when
        Scoring.Subtotal s = Scoring.subtotal(ENGLISH, List.of(r1), List.of(deduction(x9, "1", "x9", null), deduction(x8, "1", "x8", null),
                deduction(x9, "2", "x9 again", null), deduction(r1, "1", "r1", null)), Wording.of(ENGLISH));

        // then
        assertThat(lines(s.items())).containsExactly("R1 DEDUCTION -1", "X9 DEDUCTION -1", "X9 DEDUCTION -2", "X8 DEDUCTION -1");
        assertThat(s.items()).extracting(ScoreItem::source).containsExactly(r1.source(), x9.source(), x9.source(), x8.source());
        assertThat(s.total()).isEqualByComparingTo("5");
    }

    @Test
    void theOrderFindsARuleByAnEqualCopyAndKnowsNoOther() {
        // given
        RubricRule r1 = rule("R1", "c", null);
        RubricRule r2 = rule("R2", "c", null);
        Scoring.RuleOrder order = Scoring.RuleOrder.of(List.of(r1, r2));
        RubricRule copy = new RubricRule(r2.id(), r2.name(), r2.category(), r2.max(), r2.effect(), r2.grading(), r2.file(), r2.line(), r2.idWritten());

        // then
        assertThat(order.size()).isEqualTo(2);
        assertThat(order.position(r1)).isZero();
        assertThat(order.position(copy)).isEqualTo(1);
        assertThat(order.position(copy)).isEqualTo(1);
        assertThat(order.position(rule("X9", "c", null))).isEqualTo(-1);
    }

    @Test
    void aRuleThatReachesItsMaxExactlyIsNotCapped() {
        // given R1 with @max(2) deducting 1.5 and 0.5
        RubricRule r1 = rule("R1", "c", "2");

        // when
        Scoring.Subtotal s = Scoring.subtotal(ENGLISH, List.of(r1),
                List.of(deduction(r1, "1.5", "a", null), deduction(r1, "0.5", "b", null)), Wording.of(ENGLISH));

        // then
        assertThat(lines(s.items())).containsExactly("R1 DEDUCTION -1.5", "R1 DEDUCTION -0.5");
    }

    @Nested
    class ZeroingVetoes {

        private final RubricRule v1 = verdictRule("V1", null);

        @Test
        void aVetoOnATotalOfZeroTakesNothingAndSaysNothingOfIt() {
            // when a subject of 0 is zeroed
            Evaluation e = evaluated(hundredPoints(band("A", "60", null), band("B", null, null)), "S", "0", veto(v1, new VetoEffect.Zero()));

            // then
            assertThat(e.items()).filteredOn(i -> i.kind() == ItemKind.VETO).singleElement().satisfies(i -> {
                assertThat(i.points()).isEqualByComparingTo("0");
                assertThat(i.reason()).isEqualTo("vetoed by V1");
            });
        }

        @Test
        void aChineseVetoSaysTheTotalBeforeIt() {
            // given
            Manifest manifest = rubric().name("党群部门效能考评").category(category("score", "100")).grade(band("合格", null, null)).build();
            RubricRule loss = rule("L", "score", null);
            Scoring.Subtotal subtotal = Scoring.subtotal(manifest, List.of(loss), List.of(deduction(loss, "5", "lost", null)),
                    Wording.of(manifest));

            // when
            Evaluation e = Scoring.finish(manifest, new SubjectRef("S", null), subtotal, List.of(veto(v1, new VetoEffect.Zero())),
                    Wording.of(manifest));

            // then
            assertThat(e.items()).filteredOn(i -> i.kind() == ItemKind.VETO).singleElement()
                    .extracting(ScoreItem::reason).isEqualTo("vetoed by V1（一票否决：总分计为0分（否决前95分））");
        }
    }

    @Test
    void chineseClampsSayWhatDidNotCount() {
        // given
        RubricRule loss = rule("L", "c", null);
        RubricRule gain = rule("G", "b", null);

        // when
        Scoring.Subtotal s = Scoring.subtotal(CHINESE, List.of(loss, gain),
                List.of(deduction(loss, "12", "lost", null), addition(gain, "6")), Wording.of(CHINESE));

        // then
        assertThat(s.items()).filteredOn(i -> i.rule() == null).extracting(ScoreItem::reason).containsExactly(
                "「c」各项扣分合计超过本类分值，扣完为止（最低0分），超出的2分不计",
                "「b」最高5分，各项合计超出1分，按5分计");
    }

    @Nested
    class QuotaDrops {

        private CohortResult cohort(Manifest manifest, String... totals) {
            List<Evaluation> each = new ArrayList<>();
            for (int i = 0; i < totals.length; i++) {
                each.add(evaluated(manifest, "S" + (i + 1), totals[i]));
            }
            return Scoring.cohort(manifest, INFO, each, Wording.of(manifest));
        }

        private List<String> reasons(CohortResult result, String subject) {
            return result.of(subject).orElseThrow().items().stream().filter(i -> i.kind() == ItemKind.QUOTA).map(ScoreItem::reason).toList();
        }

        @Test
        void aChineseDropBelowTheCutSaysItsRankAndThePlaces() {
            // given 优秀 for 20% of five: one place
            Manifest manifest = rubric().name("党群部门效能考评").category(category("score", "100"))
                    .grade(band("优秀", "90", null, "0.2")).grade(band("良好", null, null)).build();

            // when
            CohortResult result = cohort(manifest, "99", "95", "80", "70", "60");

            // then
            assertThat(reasons(result, "S2")).containsExactly("排名第2名，优秀名额为1个（参评单位的20%），超出名额，评为良好");
        }

        @Test
        void anEnglishDropSaysItsRankOrWhoItIsTiedWith() {
            // given A for 20% of five: one place
            Manifest manifest = hundredPoints(band("A", "90", null, "0.2"), band("B", null, null));

            // when S2 and S3 tie behind S1
            CohortResult result = cohort(manifest, "99", "95", "95", "70", "60");

            // then
            assertThat(reasons(result, "S2")).containsExactly(
                    "tied at rank 2 with S3; grading them all [A] would exceed its 1 places (20% of the cohort), so all are graded [B]");
            CohortResult single = cohort(manifest, "99", "95", "80", "70", "60");
            assertThat(reasons(single, "S2")).containsExactly("ranked 2, beyond the 1 places (20% of the cohort) of [A]; graded [B]");
        }

        @Test
        void aCutsOwnItemSaysThePlacesBeforeTheRankIsKnown() {
            // given
            Manifest manifest = hundredPoints(band("A", "90", null, "0.2"), band("B", null, null));

            // when
            Scoring.QuotaCut cut = Scoring.quotaCut(manifest, 0, 5, new Scoring.Standing(n("95"), "A", false, List.of()),
                    Wording.of(manifest));

            // then
            assertThat(cut.drop().reason()).isEqualTo("ranked 0, beyond the 1 places (20% of the cohort) of [A]; graded [B]");
        }

        @Test
        void aDropNamesOnlyThoseOfItsRankThatTheSameCutDrops() {
            // given A and B for 20% of five each; S2 and S3 tie on 95, S3 limited to B
            Manifest manifest = hundredPoints(band("A", "90", null, "0.2"), band("B", "60", null, "0.2"), band("C", null, null));
            RubricRule g = verdictRule("G", null);
            List<Evaluation> each = List.of(evaluated(manifest, "S1", "99"), evaluated(manifest, "S2", "95"),
                    evaluated(manifest, "S3", "95", RubricParts.limit(g, "B")), evaluated(manifest, "S4", "80"), evaluated(manifest, "S5", "70"));

            // when
            CohortResult result = Scoring.cohort(manifest, INFO, each, Wording.of(manifest));

            // then S2's drop from A is its own; its drop from B it shares with S3
            assertThat(reasons(result, "S2")).containsExactly(
                    "ranked 2, beyond the 1 places (20% of the cohort) of [A]; graded [B]",
                    "tied at rank 2 with S3; grading them all [B] would exceed its 1 places (20% of the cohort), so all are graded [C]");
        }

        @Test
        void aQuotaOnTheLastBandDropsNoOneForThereIsNoGradeBelow() {
            // given
            Manifest manifest = hundredPoints(band("A", "90", null), band("B", null, null, "0.1"));

            // when
            CohortResult result = cohort(manifest, "50", "40", "30");

            // then
            assertThat(result.results()).extracting(Evaluation::grade).containsExactly("B", "B", "B");
            assertThat(result.results()).allSatisfy(e -> assertThat(e.items()).noneMatch(i -> i.kind() == ItemKind.QUOTA));
        }
    }
}
