package dev.rubric.engine.internal.scoring;

import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreItem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.rubric.engine.internal.scoring.RubricParts.category;
import static dev.rubric.engine.internal.scoring.RubricParts.lines;
import static dev.rubric.engine.internal.scoring.RubricParts.n;
import static dev.rubric.engine.internal.scoring.RubricParts.rubric;
import static dev.rubric.engine.internal.scoring.RubricParts.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** 同一问题不重复扣分: deductions citing the same {@code SameProblem} key count once, the largest of them. */
class SameProblemTest {

    private static final Manifest MANIFEST = rubric().name("党群部门效能考评")
            .category(category("systems", "15")).category(category("conduct", "15")).build();

    private static RawItem deduction(RubricRule rule, String points, String problem) {
        List<Evidence> evidence = problem == null ? List.of()
                : List.of(new Evidence("SameProblem", problem, Map.of("id", problem)));
        return new RawItem(rule, ItemKind.DEDUCTION, n(points).negate(), rule.id() + " deducts " + points, evidence, null, null);
    }

    private static Scoring.Subtotal subtotal(List<RubricRule> rules, RawItem... moves) {
        return Scoring.subtotal(MANIFEST, rules, List.of(moves), Wording.of(MANIFEST));
    }

    @Test
    void deductionsOfOneProblemUnderSeveralItemsCountOnceTheLargest() {
        // given a missing staff assessment deducted under B4 (4), D1 (2) and D3 (1)
        RubricRule b4 = rule("B4", "systems", null);
        RubricRule d1 = rule("D1", "conduct", "8");
        RubricRule d3 = rule("D3", "conduct", "3");

        // when
        Scoring.Subtotal s = subtotal(List.of(b4, d1, d3),
                deduction(d1, "2", "B4"), deduction(d3, "1", "B4"), deduction(b4, "4", "B4"));

        // then B4 counts; D1 and D3 stay in the explanation at 0 with a note naming B4
        assertThat(s.total()).isEqualByComparingTo("26");
        assertThat(lines(s.items())).containsExactly("B4 DEDUCTION -4", "D1 DEDUCTION 0", "D3 DEDUCTION 0");
        assertThat(s.items().get(1).reason())
                .isEqualTo("D1 deducts 2（与「B4 rule」属同一问题，已在该项扣分，本项不重复扣分（应扣2分））");
    }

    @Test
    void equalDeductionsOfOneProblemCountInTheFirstItemOfTheRubric() {
        // given one card game reported by a covert visit (D1) and reprimanded (D5), one point each
        RubricRule d1 = rule("D1", "conduct", "8");
        RubricRule d5 = rule("D5", "conduct", "4");

        // when
        Scoring.Subtotal s = subtotal(List.of(d1, d5), deduction(d5, "1", "VL-1"), deduction(d1, "1", "VL-1"));

        // then
        assertThat(lines(s.items())).containsExactly("D1 DEDUCTION -1", "D5 DEDUCTION 0");
    }

    @Test
    void differentProblemsAndDeductionsWithoutAKeyAreEachDeducted() {
        RubricRule d1 = rule("D1", "conduct", "8");

        Scoring.Subtotal s = subtotal(List.of(d1), deduction(d1, "1", "P-1"), deduction(d1, "1", "P-2"), deduction(d1, "1", null));

        assertThat(s.total()).isEqualByComparingTo("27");
        assertThat(s.items()).extracting(ScoreItem::points).allSatisfy(p -> assertThat(p).isEqualByComparingTo("-1"));
    }

    @Test
    void aRulesCapSeesOnlyWhatItReallyDeducts() {
        // given D1 capped at 2 with three findings, one of them about a problem B4 already deducts
        RubricRule b4 = rule("B4", "systems", null);
        RubricRule d1 = rule("D1", "conduct", "2");

        Scoring.Subtotal s = subtotal(List.of(b4, d1), deduction(b4, "4", "B4"),
                deduction(d1, "2", "B4"), deduction(d1, "1", null), deduction(d1, "1", null));

        // then D1 deducts 2 of its own and is not capped
        assertThat(lines(s.items())).containsExactly("B4 DEDUCTION -4", "D1 DEDUCTION 0", "D1 DEDUCTION -1", "D1 DEDUCTION -1");
        assertThat(s.total()).isEqualByComparingTo("24");
    }
}
