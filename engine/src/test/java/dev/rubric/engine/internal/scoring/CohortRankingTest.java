package dev.rubric.engine.internal.scoring;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.VetoEffect;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.rubric.engine.internal.scoring.RubricParts.INFO;
import static dev.rubric.engine.internal.scoring.RubricParts.band;
import static dev.rubric.engine.internal.scoring.RubricParts.evaluated;
import static dev.rubric.engine.internal.scoring.RubricParts.hundredPoints;
import static dev.rubric.engine.internal.scoring.RubricParts.limit;
import static dev.rubric.engine.internal.scoring.RubricParts.veto;
import static dev.rubric.engine.internal.scoring.RubricParts.verdictRule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract §4, step 7: competition ranks and grade quotas across a cohort evaluated together.
 */
class CohortRankingTest {

    private static CohortResult cohort(Manifest manifest, Evaluation... evaluations) {
        return Scoring.cohort(manifest, INFO, List.of(evaluations), Wording.of(manifest));
    }

    /** Subjects S1, S2, ... with the given totals, in that order. */
    private static CohortResult cohortOfTotals(Manifest manifest, String... totals) {
        List<Evaluation> each = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            each.add(evaluated(manifest, "S" + (i + 1), totals[i]));
        }
        return Scoring.cohort(manifest, INFO, each, Wording.of(manifest));
    }

    /** Each result as {@code "SUBJECT rank GRADE"}, in result order. */
    private static List<String> table(CohortResult result) {
        return result.results().stream().map(e -> e.subject().id() + " " + e.rank() + " " + e.grade()).toList();
    }

    private static List<ScoreItem> quotaItems(CohortResult result, String subject) {
        return result.of(subject).orElseThrow().items().stream().filter(i -> i.kind() == ItemKind.QUOTA).toList();
    }

    @Test
    void ranksAreCompetitionRanks() {
        // given
        Manifest manifest = hundredPoints(band("any", null, null));

        // when
        CohortResult result = cohortOfTotals(manifest, "80", "90", "95", "90");

        // then 1, 2, 2, 4
        assertThat(table(result)).containsExactly("S3 1 any", "S2 2 any", "S4 2 any", "S1 4 any");
    }

    @Test
    void resultsAreListedByRankThenSubjectId() {
        // given
        Manifest manifest = hundredPoints(band("any", null, null));

        // when subjects tied on 80 are given in reverse id order
        CohortResult result = cohort(manifest, evaluated(manifest, "D09", "80"), evaluated(manifest, "D02", "80"),
                evaluated(manifest, "D05", "99"));

        // then
        assertThat(table(result)).containsExactly("D05 1 any", "D02 2 any", "D09 2 any");
    }

    @Test
    void equalTotalsWrittenDifferentlyAreTied() {
        // given
        Manifest manifest = hundredPoints(band("any", null, null));

        // when
        CohortResult result = cohortOfTotals(manifest, "80.0", "80");

        // then
        assertThat(table(result)).containsExactly("S1 1 any", "S2 1 any");
    }

    @Test
    void lowerTotalsRankFirstWhenTheManifestSaysBetterLower() {
        // given a penalty-point scheme
        Manifest manifest = RubricParts.rubric().category(RubricParts.category("score", "100"))
                .grade(band("any", null, null)).better(Manifest.Better.LOWER).build();

        // when
        CohortResult result = cohortOfTotals(manifest, "30", "10", "20", "10");

        // then
        assertThat(table(result)).containsExactly("S2 1 any", "S4 1 any", "S3 3 any", "S1 4 any");
    }

    @Test
    void aSubjectEvaluatedAloneHasNoRank() {
        // when
        Evaluation e = evaluated(hundredPoints(band("any", null, null)), "S1", "50");

        // then
        assertThat(e.rank()).isNull();
    }

    @Test
    void holdersBeyondAQuotaDropToTheNextGradeLowestRankedFirst() {
        // given at most 20% of the cohort may be A
        Manifest manifest = hundredPoints(band("A", "90", null, "0.2"), band("B", "60", null), band("C", null, null));

        // when 10 subjects, 4 of them scoring A
        CohortResult result = cohortOfTotals(manifest, "99", "98", "97", "96", "80", "70", "60", "50", "40", "30");

        // then 20% of 10 is 2 places: S3 and S4 drop to B, and the drop is recorded on each
        assertThat(table(result)).startsWith("S1 1 A", "S2 2 A", "S3 3 B", "S4 4 B", "S5 5 B");
        assertThat(quotaItems(result, "S1")).isEmpty();
        assertThat(quotaItems(result, "S3")).singleElement().satisfies(item -> {
            assertThat(item.grade()).isEqualTo("B");
            assertThat(item.points()).isEqualByComparingTo("0");
            assertThat(item.rule()).isNull();
            assertThat(item.reason()).contains("20%").contains("[A]").contains("[B]");
        });
        assertThat(quotaItems(result, "S4")).hasSize(1);
        assertThat(quotaItems(result, "S5")).isEmpty();
    }

    @Test
    void theQuotaShareIsRoundedDown() {
        // given a 20% quota in a cohort of 9: 1.8 places, rounded down to 1
        Manifest manifest = hundredPoints(band("A", "90", null, "0.2"), band("B", null, null));

        // when 3 subjects score A
        CohortResult result = cohortOfTotals(manifest, "99", "95", "91", "50", "50", "50", "50", "50", "50");

        // then
        assertThat(table(result)).startsWith("S1 1 A", "S2 2 B", "S3 3 B");
    }

    @Test
    void aQuotaThatRoundsToNothingDropsEveryHolder() {
        // given a 20% quota in a cohort of 4: 0.8 places, rounded down to 0
        Manifest manifest = hundredPoints(band("A", "90", null, "0.2"), band("B", null, null));

        // when
        CohortResult result = cohortOfTotals(manifest, "99", "50", "50", "50");

        // then
        assertThat(result.of("S1").orElseThrow().grade()).isEqualTo("B");
    }

    @Test
    void subjectsTiedExactlyAtTheCutAllDrop() {
        // given 2 places of A (20% of 10)
        Manifest manifest = hundredPoints(band("A", "90", null, "0.2"), band("B", null, null));

        // when the 2nd and 3rd A holders tie on 95
        CohortResult result = cohortOfTotals(manifest, "99", "95", "95", "50", "50", "50", "50", "50", "50", "50");

        // then both tied subjects drop, leaving one A
        assertThat(table(result)).startsWith("S1 1 A", "S2 2 B", "S3 2 B");
        assertThat(quotaItems(result, "S2")).hasSize(1);
        assertThat(quotaItems(result, "S3")).hasSize(1);
    }

    @Test
    void subjectsTiedAboveTheCutKeepTheirGrade() {
        // given 2 places of A
        Manifest manifest = hundredPoints(band("A", "90", null, "0.2"), band("B", null, null));

        // when the two best tie and the third is below them
        CohortResult result = cohortOfTotals(manifest, "95", "95", "92", "50", "50", "50", "50", "50", "50", "50");

        // then
        assertThat(table(result)).startsWith("S1 1 A", "S2 1 A", "S3 3 B");
    }

    @Test
    void dropsCascadeWhenTheNextGradeIsFullToo() {
        // given A and B each with 20% (2 places in 10)
        Manifest manifest = hundredPoints(band("A", "90", null, "0.2"), band("B", "80", null, "0.2"), band("C", null, null));

        // when 3 subjects score A and 1 scores B
        CohortResult result = cohortOfTotals(manifest, "99", "98", "97", "85", "50", "50", "50", "50", "50", "50");

        // then S3 drops to B, which then holds S3 and S4 within its 2 places
        assertThat(table(result)).startsWith("S1 1 A", "S2 2 A", "S3 3 B", "S4 4 B");

        // when 4 score A
        CohortResult full = cohortOfTotals(manifest, "99", "98", "97", "96", "85", "50", "50", "50", "50", "50");

        // then S3 and S4 drop to B, and B being full, S5 drops on to C
        assertThat(table(full)).startsWith("S1 1 A", "S2 2 A", "S3 3 B", "S4 4 B", "S5 5 C");
        assertThat(quotaItems(full, "S5")).singleElement().satisfies(item -> assertThat(item.grade()).isEqualTo("C"));
    }

    @Test
    void aSubjectDroppedTwiceRecordsBothDrops() {
        // given A and B each with 10% (1 place in 10)
        Manifest manifest = hundredPoints(band("A", "90", null, "0.1"), band("B", "80", null, "0.1"), band("C", null, null));

        // when 3 subjects score A
        CohortResult result = cohortOfTotals(manifest, "99", "98", "97", "50", "50", "50", "50", "50", "50", "50");

        // then S2 drops to B and S3 drops to B and on to C
        assertThat(table(result)).startsWith("S1 1 A", "S2 2 B", "S3 3 C");
        assertThat(quotaItems(result, "S3")).extracting(ScoreItem::grade).containsExactly("B", "C");
    }

    @Test
    void aGradeWithoutQuotaTakesEveryone() {
        // given
        Manifest manifest = hundredPoints(band("A", "90", null), band("B", null, null));

        // when
        CohortResult result = cohortOfTotals(manifest, "99", "98", "97");

        // then
        assertThat(table(result)).containsExactly("S1 1 A", "S2 2 A", "S3 3 A");
    }

    @Test
    void quotasRankByTheManifestsDirection() {
        // given lower is better, and at most 25% may hold the best grade
        Manifest manifest = RubricParts.rubric().category(RubricParts.category("score", "100"))
                .grade(band("5", null, "15", "0.25")).grade(band("4", null, null)).better(Manifest.Better.LOWER).build();

        // when three subjects of 4 have totals within band 5
        CohortResult result = cohortOfTotals(manifest, "15", "5", "10", "50");

        // then the lowest total keeps it
        assertThat(table(result)).containsExactly("S2 1 5", "S3 2 4", "S1 3 4", "S4 4 4");
    }

    @Test
    void ranksUseTheTotalAfterVetoesAndQuotasSkipSubjectsWithoutGrade() {
        // given
        Manifest manifest = hundredPoints(band("A", "90", null, "0.5"), band("B", null, null));

        // when S1 (99) is zeroed and S2 (98) gets no grade
        CohortResult result = cohort(manifest,
                evaluated(manifest, "S1", "99", veto(verdictRule("V1", null), new VetoEffect.Zero())),
                evaluated(manifest, "S2", "98", veto(verdictRule("V2", null), new VetoEffect.NoGrade())),
                evaluated(manifest, "S3", "97"),
                evaluated(manifest, "S4", "96"));

        // then S1 ranks last; S2 holds no grade, so S3 and S4 share the 2 places of A
        assertThat(table(result)).containsExactly("S2 1 null", "S3 2 A", "S4 3 A", "S1 4 B");
    }

    @Test
    void aGradeLimitedSubjectDoesNotTakeAPlaceOfTheGradeItCannotHave() {
        // given 1 place of A in 2
        Manifest manifest = hundredPoints(band("A", "90", null, "0.5"), band("B", null, null));

        // when the better subject is limited to B
        CohortResult result = cohort(manifest,
                evaluated(manifest, "S1", "99", limit(verdictRule("G1", null), "B")),
                evaluated(manifest, "S2", "95"));

        // then
        assertThat(table(result)).containsExactly("S1 1 B", "S2 2 A");
    }

    /** A two-category rubric ("a" and "b", 50 points each) ranked by the given rule. */
    private static Manifest twoCategories(Manifest.VetoedRank vetoed, String... tieBreak) {
        return RubricParts.rubric().category(RubricParts.category("a", "50")).category(RubricParts.category("b", "50"))
                .grade(band("A", null, null, "0.5")).grade(band("B", null, null)).ranking(vetoed, tieBreak).build();
    }

    private static final dev.rubric.api.RubricRule LOSS_A = RubricParts.rule("LA", "a", null);
    private static final dev.rubric.api.RubricRule LOSS_B = RubricParts.rule("LB", "b", null);

    /** Subject {@code id} of a {@link #twoCategories} rubric that lost the given points in a and in b. */
    private static Evaluation scored(Manifest manifest, String id, String lostA, String lostB, RubricParts.RawItemSource... verdicts) {
        List<RawItem> moves = new ArrayList<>();
        if (!lostA.equals("0")) {
            moves.add(RubricParts.deduction(LOSS_A, lostA));
        }
        if (!lostB.equals("0")) {
            moves.add(RubricParts.deduction(LOSS_B, lostB));
        }
        Scoring.Subtotal subtotal = Scoring.subtotal(manifest, List.of(LOSS_A, LOSS_B), moves, Wording.of(manifest));
        List<RawItem> raw = new ArrayList<>();
        for (RubricParts.RawItemSource v : verdicts) {
            raw.add(v.item());
        }
        return Scoring.finish(manifest, new dev.rubric.api.SubjectRef(id, null), subtotal, raw, Wording.of(manifest));
    }

    @Test
    void tiedTotalsAreRankedByTheTieBreakCategoriesInOrder() {
        // given ranking.tieBreak: [a]
        Manifest manifest = twoCategories(Manifest.VetoedRank.BY_TOTAL, "a");

        // when S1 and S2 both have 90, S2 with more of it in a
        CohortResult result = cohort(manifest, scored(manifest, "S1", "6", "4"), scored(manifest, "S2", "2", "8"),
                scored(manifest, "S3", "1", "1"), scored(manifest, "S4", "30", "0"));

        // then S2 ranks before S1 and takes the last place of A (quota 0.5 of 4 = 2)
        assertThat(table(result)).containsExactly("S3 1 A", "S2 2 A", "S1 3 B", "S4 4 B");
    }

    @Test
    void subjectsStillTiedAfterTheTieBreakShareARankAndDropTogether() {
        // given
        Manifest manifest = twoCategories(Manifest.VetoedRank.BY_TOTAL, "a");

        // when S1 and S2 tie on the total and on a, at the cut of A's quota (2 of 4)
        CohortResult result = cohort(manifest, scored(manifest, "S1", "5", "5"), scored(manifest, "S2", "5", "5"),
                scored(manifest, "S3", "0", "0"), scored(manifest, "S4", "30", "0"));

        // then they share rank 2 and both drop to B
        assertThat(table(result)).containsExactly("S3 1 A", "S1 2 B", "S2 2 B", "S4 4 B");
    }

    @Test
    void withoutATieBreakEqualTotalsShareARankWhateverTheirCategories() {
        // given no ranking key
        Manifest manifest = twoCategories(Manifest.VetoedRank.BY_TOTAL);

        // when
        CohortResult result = cohort(manifest, scored(manifest, "S1", "6", "4"), scored(manifest, "S2", "2", "8"));

        // then
        assertThat(table(result)).containsExactly("S1 1 B", "S2 1 B");
    }

    @Test
    void vetoedSubjectsRankLastWhereTheManifestSaysSo() {
        // given ranking.vetoed: last, and a veto that caps the grade at B
        Manifest manifest = twoCategories(Manifest.VetoedRank.LAST);
        RubricParts.RawItemSource capped = () -> veto(verdictRule("V", null), new VetoEffect.Cap("B"));

        // when the best total is vetoed
        CohortResult result = cohort(manifest, scored(manifest, "S1", "0", "0", capped), scored(manifest, "S2", "10", "0"),
                scored(manifest, "S3", "20", "0"), scored(manifest, "S4", "30", "0", capped));

        // then the vetoed come after every subject without a veto, by total among themselves
        assertThat(table(result)).containsExactly("S2 1 A", "S3 2 A", "S1 3 B", "S4 4 B");
    }

    @Test
    void vetoedSubjectsRankByTotalByDefault() {
        // given
        Manifest manifest = twoCategories(Manifest.VetoedRank.BY_TOTAL);
        RubricParts.RawItemSource capped = () -> veto(verdictRule("V", null), new VetoEffect.Cap("B"));

        // when
        CohortResult result = cohort(manifest, scored(manifest, "S1", "0", "0", capped), scored(manifest, "S2", "10", "0"));

        // then
        assertThat(table(result)).containsExactly("S1 1 B", "S2 2 A");
    }

    @Test
    void aChineseQuotaDropSaysWhoSharedTheRankAndWhatTheQuotaAllows() {
        // given 优秀 for at most 20% of five units: one place, and two units tied for it
        Manifest manifest = RubricParts.rubric().name("党群部门效能考评").category(RubricParts.category("score", "100"))
                .grade(band("优秀", "90", null, "0.2")).grade(band("良好", null, null)).build();
        List<Evaluation> each = new ArrayList<>();
        String[][] units = {{"D01", "县委办", "95"}, {"D02", "妇联", "95"}, {"D03", "工会", "80"}, {"D04", "文联", "70"}, {"D05", "团县委", "60"}};
        for (String[] u : units) {
            Evaluation e = evaluated(manifest, u[0], u[2]);
            each.add(new Evaluation(new dev.rubric.api.SubjectRef(u[0], u[1]), e.base(), e.total(), e.totalBeforeVeto(), e.grade(),
                    e.vetoed(), null, e.categories(), e.items()));
        }

        // when
        CohortResult result = Scoring.cohort(manifest, INFO, each, Wording.of(manifest));

        // then
        assertThat(quotaItems(result, "D01")).singleElement().extracting(ScoreItem::reason)
                .isEqualTo("与妇联并列第1名，同评优秀将超出1个名额（参评单位的20%），均评为良好");
        assertThat(quotaItems(result, "D02")).singleElement().extracting(ScoreItem::reason)
                .isEqualTo("与县委办并列第1名，同评优秀将超出1个名额（参评单位的20%），均评为良好");
    }

    @Test
    void unitsTiedAtTheCutAreNamedBySubjectIdWhateverOrderTheCohortCameIn() {
        // given 优秀 for at most 20% of five units: one place, and three units tied for it, given out of id order
        Manifest manifest = RubricParts.rubric().name("党群部门效能考评").category(RubricParts.category("score", "100"))
                .grade(band("优秀", "90", null, "0.2")).grade(band("良好", null, null)).build();
        List<Evaluation> each = new ArrayList<>();
        String[][] units = {{"D03", "工会", "95"}, {"D05", "团县委", "60"}, {"D01", "县委办", "95"}, {"D04", "文联", "70"}, {"D02", "妇联", "95"}};
        for (String[] u : units) {
            Evaluation e = evaluated(manifest, u[0], u[2]);
            each.add(new Evaluation(new dev.rubric.api.SubjectRef(u[0], u[1]), e.base(), e.total(), e.totalBeforeVeto(), e.grade(),
                    e.vetoed(), null, e.categories(), e.items()));
        }

        // when
        CohortResult result = Scoring.cohort(manifest, INFO, each, Wording.of(manifest));

        // then
        assertThat(quotaItems(result, "D02")).singleElement().extracting(ScoreItem::reason)
                .isEqualTo("与县委办、工会并列第1名，同评优秀将超出1个名额（参评单位的20%），均评为良好");
        assertThat(quotaItems(result, "D03")).singleElement().extracting(ScoreItem::reason)
                .isEqualTo("与县委办、妇联并列第1名，同评优秀将超出1个名额（参评单位的20%），均评为良好");
    }

    /** A subject's standing with no veto and no tie-break scores. */
    private static Scoring.Standing standing(String total, String grade) {
        return new Scoring.Standing(new java.math.BigDecimal(total), grade, false, List.of());
    }

    @Test
    void aBandWithoutQuotaHasNoAllowedCount() {
        // given
        Manifest.GradeBand open = band("any", null, null);

        // when / then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scoring.quotaAllowed(open, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("grade [any] has no quota; ask only for bands that have one");
    }

    @Test
    void theLastBandHasNoQuotaCutForThereIsNoGradeToDropTo() {
        // given
        Manifest manifest = hundredPoints(band("A", "90", null, "0.5"), band("B", null, null));

        // when / then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scoring.quotaCut(manifest, 1, 10, standing("10", "B"),
                        Wording.of(manifest)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("grade index [1] has no next grade to drop to; give one of 0 to 0");
    }

    @Test
    void aSubjectsOutcomeAfterQuotasFollowsTheCutsBetterBandsFirst() {
        // given cuts of A at 95 and of B at 85, and a subject of grade A with 90
        Manifest manifest = hundredPoints(band("A", "80", null, "0.2"), band("B", "80", null, "0.2"), band("C", null, null));
        Scoring.QuotaCut a = Scoring.quotaCut(manifest, 0, 10, standing("95", "A"), Wording.of(manifest));
        Scoring.QuotaCut b = Scoring.quotaCut(manifest, 1, 10, standing("85", "B"), Wording.of(manifest));

        // when
        Scoring.Outcome outcome = Scoring.afterQuotas(manifest, standing("90", "A"), List.of(a, b));

        // then it drops below A's cut to B, but is above B's cut and stays there
        assertThat(outcome.grade()).isEqualTo("B");
        assertThat(outcome.drops()).containsExactly(a.drop());
        assertThat(Scoring.afterQuotas(manifest, standing("90", null), List.of(a, b)).grade()).isNull();
    }
}
