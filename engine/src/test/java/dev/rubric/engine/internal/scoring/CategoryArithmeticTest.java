package dev.rubric.engine.internal.scoring;

import dev.rubric.api.CategoryScore;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreItem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rubric.engine.internal.scoring.RubricParts.addition;
import static dev.rubric.engine.internal.scoring.RubricParts.category;
import static dev.rubric.engine.internal.scoring.RubricParts.deduction;
import static dev.rubric.engine.internal.scoring.RubricParts.earn;
import static dev.rubric.engine.internal.scoring.RubricParts.lines;
import static dev.rubric.engine.internal.scoring.RubricParts.n;
import static dev.rubric.engine.internal.scoring.RubricParts.rubric;
import static dev.rubric.engine.internal.scoring.RubricParts.rule;
import static dev.rubric.engine.internal.scoring.RubricParts.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract §4, steps 1 to 3: per-rule {@code @max} cuts, per-category clamps, and the total, each
 * adjustment recorded as an item of its own.
 */
class CategoryArithmeticTest {

    private static Scoring.Subtotal subtotal(Manifest manifest, List<RubricRule> rules, RawItem... moves) {
        return Scoring.subtotal(manifest, rules, List.of(moves), Wording.of(manifest));
    }

    private static CategoryScore score(Scoring.Subtotal s, String category) {
        return s.categories().stream().filter(c -> c.id().equals(category)).findFirst().orElseThrow();
    }

    @Test
    void aCategoryWithoutItemsKeepsItsStartValue() {
        // given a deduct category (starts at max) and an earn category (starts at min)
        Manifest manifest = rubric().category(category("targets", "30")).category(earn("bonus", "0", "5")).build();

        // when nothing was written on the sheet
        Scoring.Subtotal s = subtotal(manifest, List.of());

        // then
        assertThat(score(s, "targets").score()).isEqualByComparingTo("30");
        assertThat(score(s, "bonus").score()).isEqualByComparingTo("0");
        assertThat(s.total()).isEqualByComparingTo("30");
        assertThat(manifest.base()).isEqualByComparingTo("30");
        assertThat(s.items()).isEmpty();
    }

    @Test
    void deductionsAndAdditionsMoveTheirRulesCategory() {
        // given
        RubricRule a1 = rule("A1", "targets", null);
        RubricRule b1 = rule("B1", "bonus", null);
        Manifest manifest = rubric().category(category("targets", "30")).category(earn("bonus", "0", "5")).build();

        // when
        Scoring.Subtotal s = subtotal(manifest, List.of(a1, b1), deduction(a1, "1.5"), addition(b1, "2"));

        // then
        assertThat(lines(s.items())).containsExactly("A1 DEDUCTION -1.5", "B1 ADDITION 2");
        assertThat(score(s, "targets").score()).isEqualByComparingTo("28.5");
        assertThat(score(s, "bonus").score()).isEqualByComparingTo("2");
    }

    @Test
    void pointsBeyondARulesMaxAreCutAndTheCutIsRecordedAsACap() {
        // given A1 may deduct at most 2 (每项最多扣2分) and deducts 1.5 three times
        RubricRule a1 = rule("A1", "targets", "2");
        Manifest manifest = rubric().category(category("targets", "30")).build();

        // when
        Scoring.Subtotal s = subtotal(manifest, List.of(a1), deduction(a1, "1.5"), deduction(a1, "1.5"), deduction(a1, "1.5"));

        // then every deduction is listed, followed by a CAP giving back the 2.5 beyond the max
        assertThat(lines(s.items())).containsExactly("A1 DEDUCTION -1.5", "A1 DEDUCTION -1.5", "A1 DEDUCTION -1.5", "A1 CAP 2.5");
        ScoreItem cap = s.items().get(3);
        assertThat(cap.category()).isEqualTo("targets");
        assertThat(cap.source()).isEqualTo(a1.source());
        assertThat(cap.reason()).isEqualTo("deducts 4.5 points; this item deducts at most 2, so 2 count");
        assertThat(score(s, "targets").score()).isEqualByComparingTo("28");
    }

    @Test
    void anAdditionBeyondARulesMaxIsCutToo() {
        // given
        RubricRule b1 = rule("B1", "bonus", "3");
        Manifest manifest = rubric().category(category("targets", "30")).category(earn("bonus", "0", "10")).build();

        // when
        Scoring.Subtotal s = subtotal(manifest, List.of(b1), addition(b1, "2"), addition(b1, "2"));

        // then
        assertThat(lines(s.items())).containsExactly("B1 ADDITION 2", "B1 ADDITION 2", "B1 CAP -1");
        assertThat(score(s, "bonus").score()).isEqualByComparingTo("3");
    }

    @Test
    void aRuleWithinItsMaxIsNotCapped() {
        // given
        RubricRule a1 = rule("A1", "targets", "2");
        Manifest manifest = rubric().category(category("targets", "30")).build();

        // when exactly the max is deducted
        Scoring.Subtotal s = subtotal(manifest, List.of(a1), deduction(a1, "1"), deduction(a1, "1"));

        // then
        assertThat(lines(s.items())).containsExactly("A1 DEDUCTION -1", "A1 DEDUCTION -1");
    }

    @Test
    void deductionsStopAtTheCategoryFloorAndTheClampIsRecorded() {
        // given a 10-point category (扣完为止) losing 7 and 6
        RubricRule a1 = rule("A1", "records", null);
        RubricRule a2 = rule("A2", "records", null);
        Manifest manifest = rubric().category(category("records", "10")).build();

        // when
        Scoring.Subtotal s = subtotal(manifest, List.of(a1, a2), deduction(a1, "7"), deduction(a2, "6"));

        // then a CAP item made by the arithmetic (no rule) gives back the 3 below the floor
        assertThat(lines(s.items())).containsExactly("A1 DEDUCTION -7", "A2 DEDUCTION -6", "- CAP 3");
        ScoreItem clamp = s.items().get(2);
        assertThat(clamp.rule()).isNull();
        assertThat(clamp.source()).isNull();
        assertThat(clamp.category()).isEqualTo("records");
        assertThat(clamp.reason()).contains("records").contains("below 0");
        assertThat(score(s, "records").score()).isEqualByComparingTo("0");
    }

    @Test
    void aNegativeFloorLetsTheScoreGoBelowZero() {
        // given
        RubricRule a1 = rule("A1", "conduct", null);
        Manifest manifest = rubric().category(category("conduct", "-5", "10")).build();

        // when
        Scoring.Subtotal s = subtotal(manifest, List.of(a1), deduction(a1, "12"), deduction(a1, "6"));

        // then the score stops at -5, not at 0
        assertThat(lines(s.items())).containsExactly("A1 DEDUCTION -12", "A1 DEDUCTION -6", "- CAP 3");
        assertThat(score(s, "conduct").score()).isEqualByComparingTo("-5");
    }

    @Test
    void additionsStopAtTheCategoryCeilingInEarnModeAndTheClampIsRecorded() {
        // given a bonus category (加分项, 封顶 at 5)
        RubricRule b1 = rule("B1", "bonus", null);
        RubricRule b2 = rule("B2", "bonus", null);
        Manifest manifest = rubric().category(earn("bonus", "0", "5")).build();

        // when
        Scoring.Subtotal s = subtotal(manifest, List.of(b1, b2), addition(b1, "3"), addition(b2, "4.5"));

        // then
        assertThat(lines(s.items())).containsExactly("B1 ADDITION 3", "B2 ADDITION 4.5", "- CAP -2.5");
        assertThat(s.items().get(2).reason()).contains("above 5");
        assertThat(score(s, "bonus").score()).isEqualByComparingTo("5");
    }

    @Test
    void additionsToADeductCategoryStopAtItsMax() {
        // given a deduct category already at its max
        RubricRule a1 = rule("A1", "targets", null);
        Manifest manifest = rubric().category(category("targets", "30")).build();

        // when a rule adds to it
        Scoring.Subtotal s = subtotal(manifest, List.of(a1), addition(a1, "2"));

        // then
        assertThat(lines(s.items())).containsExactly("A1 ADDITION 2", "- CAP -2");
        assertThat(score(s, "targets").score()).isEqualByComparingTo("30");
    }

    @Test
    void theRuleCapIsAppliedBeforeTheCategoryClamp() {
        // given A1 capped at 4 in a 5-point category, and A2 uncapped
        RubricRule a1 = rule("A1", "service", "4");
        RubricRule a2 = rule("A2", "service", null);
        Manifest manifest = rubric().category(category("service", "5")).build();

        // when A1 asks for 6 and A2 for 3
        Scoring.Subtotal s = subtotal(manifest, List.of(a1, a2), deduction(a1, "6"), deduction(a2, "3"));

        // then A1 is cut to 4, and the category stops at 0 with the remaining 2
        assertThat(lines(s.items())).containsExactly("A1 DEDUCTION -6", "A1 CAP 2", "A2 DEDUCTION -3", "- CAP 2");
        assertThat(score(s, "service").score()).isEqualByComparingTo("0");
    }

    @Test
    void theTotalIsTheSumOfTheCategoryScores() {
        // given
        RubricRule a1 = rule("A1", "targets", null);
        RubricRule s1 = rule("S1", "systems", null);
        RubricRule b1 = rule("B1", "bonus", null);
        Manifest manifest = rubric().category(category("targets", "30")).category(category("systems", "15"))
                .category(earn("bonus", "0", "5")).build();

        // when
        Scoring.Subtotal s = subtotal(manifest, List.of(a1, s1, b1), deduction(a1, "0.5"), deduction(s1, "2.25"), addition(b1, "1"));

        // then 29.5 + 12.75 + 1
        assertThat(s.total()).isEqualByComparingTo("43.25");
        assertThat(manifest.base().add(sum(s.items()))).isEqualByComparingTo(s.total());
    }

    @Test
    void decimalsAreExact() {
        // given
        RubricRule a1 = rule("A1", "targets", null);
        Manifest manifest = rubric().category(category("targets", "1")).build();

        // when 0.1 and 0.2 are deducted
        Scoring.Subtotal s = subtotal(manifest, List.of(a1), deduction(a1, "0.1"), deduction(a1, "0.2"));

        // then 1 - 0.3 is exactly 0.7
        assertThat(s.total()).isEqualTo(n("0.7"));
    }

    @Test
    void itemsAreListedByCategoryInManifestOrderAndByRuleInFileOrder() {
        // given rules in file order A1, A2 (targets), S1 (systems); the manifest lists systems first
        RubricRule a1 = rule("A1", "targets", null);
        RubricRule a2 = rule("A2", "targets", null);
        RubricRule s1 = rule("S1", "systems", null);
        Manifest manifest = rubric().category(category("systems", "15")).category(category("targets", "30")).build();

        // when the rules fired in another order
        Scoring.Subtotal s = subtotal(manifest, List.of(a1, a2, s1), deduction(a2, "1"), deduction(s1, "1"), deduction(a1, "1"),
                deduction(a2, "2"));

        // then
        assertThat(lines(s.items())).containsExactly("S1 DEDUCTION -1", "A1 DEDUCTION -1", "A2 DEDUCTION -1", "A2 DEDUCTION -2");
        assertThat(s.categories()).extracting(CategoryScore::id).containsExactly("systems", "targets");
    }

    @Test
    void everyItemCarriesItsRulesAttribution() {
        // given
        RubricRule a1 = rule("A1", "targets", null);
        Manifest manifest = rubric().category(category("targets", "30")).build();

        // when
        Scoring.Subtotal s = subtotal(manifest, List.of(a1), deduction(a1, "1"));

        // then
        ScoreItem item = s.items().get(0);
        assertThat(item.rule()).isEqualTo("A1");
        assertThat(item.ruleName()).isEqualTo("A1 rule");
        assertThat(item.category()).isEqualTo("targets");
        assertThat(item.kind()).isEqualTo(ItemKind.DEDUCTION);
        assertThat(item.source()).isEqualTo("test.drl:" + a1.line());
    }

    @Test
    void aChineseRubricExplainsItsCapsInChinese() {
        // given
        RubricRule a1 = rule("A1", "targets", "2");
        Manifest manifest = rubric().name("党群部门效能考评").category(category("targets", "3")).build();

        // when
        Scoring.Subtotal s = subtotal(manifest, List.of(a1), deduction(a1, "2"), deduction(a1, "2"));

        // then
        assertThat(s.items()).extracting(ScoreItem::reason).contains("应扣4分，本项最多扣2分，按2分计");
    }
}
