package dev.rubric.testkit;

import dev.rubric.api.ItemKind;
import dev.rubric.api.ScoreItem;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Assertions on the items one rule made in a result; a failure carries the description the result's assertion
 * was given with {@code as()}. Points are the rule's net points: the sum of its
 * deductions or additions and of the cap its {@code @max} applied, which is what the rule cost or gave.
 */
public final class RuleItemsAssert {

    private final EvaluationAssert parent;
    private final String rule;
    private final List<ScoreItem> items;

    RuleItemsAssert(EvaluationAssert parent, String rule, List<ScoreItem> items) {
        this.parent = parent;
        this.rule = rule;
        this.items = items;
    }

    /** The rule's net points equal {@code expected} (signed: "-1" for a one-point deduction). */
    public RuleItemsAssert withPoints(String expected) {
        return withPoints(Decimals.of(expected));
    }

    /** The rule's net points equal {@code expected} (signed: {@code -1} for a one-point deduction), as exact decimals. */
    public RuleItemsAssert withPoints(Number expected) {
        BigDecimal net = EvaluationAssert.sum(items);
        BigDecimal want = Decimals.of(expected);
        if (net.compareTo(want) != 0) {
            throw parent.failed("expected rule [" + rule + "] to move " + EvaluationAssert.plain(want) + " points, but it moved " + EvaluationAssert.plain(net));
        }
        return this;
    }

    /**
     * The rule's deductions and additions, in any order, have exactly these points (signed, caps not
     * counted): {@code hasItem("D1").withItemPoints("-0.5", "-2")} for one minor and one serious finding.
     */
    public RuleItemsAssert withItemPoints(String... expected) {
        return withItemPoints((Object[]) expected);
    }

    /** The rule's deductions and additions, in any order, have exactly these points: {@code withItemPoints(-0.5, -2)}. */
    public RuleItemsAssert withItemPoints(Number... expected) {
        return withItemPoints((Object[]) expected);
    }

    private RuleItemsAssert withItemPoints(Object[] expected) {
        List<BigDecimal> want = Arrays.stream(expected).map(p -> Decimals.of(p).stripTrailingZeros()).sorted().toList();
        List<BigDecimal> got = items.stream().filter(i -> i.kind() == ItemKind.DEDUCTION || i.kind() == ItemKind.ADDITION)
                .map(i -> i.points().stripTrailingZeros()).sorted().toList();
        if (!want.equals(got)) {
            throw parent.failed("expected rule [" + rule + "] to score " + plainAll(want) + ", but it scored " + plainAll(got));
        }
        return this;
    }

    /** The rule made exactly {@code expected} deductions or additions (caps not counted). */
    public RuleItemsAssert times(int expected) {
        long n = items.stream().filter(i -> i.kind() == ItemKind.DEDUCTION || i.kind() == ItemKind.ADDITION).count();
        if (n != expected) {
            throw parent.failed("expected rule [" + rule + "] to score " + expected + " times, but it scored " + n + " times");
        }
        return this;
    }

    /** The rule's cap ({@code @max}) cut some of its points. */
    public RuleItemsAssert wasCapped() {
        if (items.stream().noneMatch(i -> i.kind() == ItemKind.CAP)) {
            throw parent.failed("expected rule [" + rule + "] to be capped by its @max, but it was not");
        }
        return this;
    }

    /** Some item of the rule has this kind. */
    public RuleItemsAssert ofKind(ItemKind kind) {
        if (items.stream().noneMatch(i -> i.kind() == kind)) {
            throw parent.failed("expected an item of kind " + kind + " from rule [" + rule + "], but its kinds are "
                    + items.stream().map(ScoreItem::kind).distinct().toList());
        }
        return this;
    }

    /** Some item's reason contains the text. */
    public RuleItemsAssert withReasonContaining(String text) {
        if (items.stream().noneMatch(i -> i.reason().contains(text))) {
            throw parent.failed("expected a reason of rule [" + rule + "] to contain \"" + text + "\"");
        }
        return this;
    }

    /** Some item cites the fact with this id as evidence. */
    public RuleItemsAssert citing(String factId) {
        if (items.stream().flatMap(i -> i.evidence().stream()).noneMatch(e -> factId.equals(e.id()))) {
            throw parent.failed("expected rule [" + rule + "] to cite fact [" + factId + "] as evidence");
        }
        return this;
    }

    private static List<String> plainAll(List<BigDecimal> points) {
        return points.stream().map(EvaluationAssert::plain).toList();
    }

    /** Back to assertions on the whole result. */
    public EvaluationAssert and() {
        return parent;
    }

    /** Another rule's items, for chaining. */
    public RuleItemsAssert hasItem(String ruleId) {
        return parent.hasItem(ruleId);
    }

    /** Another rule made no item, for chaining. */
    public EvaluationAssert hasNoItem(String ruleId) {
        return parent.hasNoItem(ruleId);
    }
}
