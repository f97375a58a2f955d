package dev.rubric.testkit;

import dev.rubric.api.CategoryScore;
import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Numbers;
import dev.rubric.engine.internal.report.TextReport;
import org.assertj.core.api.AbstractAssert;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Assertions on one subject's {@link Evaluation}; failures show the whole explanation. */
public final class EvaluationAssert extends AbstractAssert<EvaluationAssert, Evaluation> {

    EvaluationAssert(Evaluation actual) {
        super(actual, EvaluationAssert.class);
    }

    /** The total equals {@code expected}, compared as exact decimals ("87.5" equals 87.50). */
    public EvaluationAssert hasTotal(String expected) {
        return hasTotal(Decimals.of(expected));
    }

    /** The total equals {@code expected} ({@code 87.5}, {@code new BigDecimal("87.5")}), compared as exact decimals. */
    public EvaluationAssert hasTotal(Number expected) {
        isNotNull();
        BigDecimal want = Decimals.of(expected);
        if (actual.total().compareTo(want) != 0) {
            fail("total", plain(want), plain(actual.total()));
        }
        return this;
    }

    /** The total would have been {@code expected} without vetoes. */
    public EvaluationAssert hasTotalBeforeVeto(String expected) {
        return hasTotalBeforeVeto(Decimals.of(expected));
    }

    /** The total would have been {@code expected} without vetoes, compared as exact decimals. */
    public EvaluationAssert hasTotalBeforeVeto(Number expected) {
        isNotNull();
        BigDecimal want = Decimals.of(expected);
        if (actual.totalBeforeVeto().compareTo(want) != 0) {
            fail("total before veto", plain(want), plain(actual.totalBeforeVeto()));
        }
        return this;
    }

    /** The grade is {@code expected}. */
    public EvaluationAssert hasGrade(String expected) {
        isNotNull();
        if (!Objects.equals(expected, actual.grade())) {
            fail("grade", expected, String.valueOf(actual.grade()));
        }
        return this;
    }

    /** No grade is given (不评定等级). */
    public EvaluationAssert hasNoGrade() {
        isNotNull();
        if (actual.grade() != null) {
            fail("grade", "none", actual.grade());
        }
        return this;
    }

    /** The subject's rank in its cohort is {@code expected}. */
    public EvaluationAssert hasRank(int expected) {
        isNotNull();
        if (!Objects.equals(expected, actual.rank())) {
            fail("rank", String.valueOf(expected), String.valueOf(actual.rank()));
        }
        return this;
    }

    /** The category's score equals {@code expected}. */
    public EvaluationAssert hasCategoryScore(String category, String expected) {
        return hasCategoryScore(category, Decimals.of(expected));
    }

    /** The category's score equals {@code expected}, compared as exact decimals. */
    public EvaluationAssert hasCategoryScore(String category, Number expected) {
        isNotNull();
        BigDecimal want = Decimals.of(expected);
        CategoryScore c = actual.categories().stream().filter(s -> s.id().equals(category)).findFirst()
                .orElseThrow(() -> failed("expected a category [" + category + "], but the result has "
                        + actual.categories().stream().map(CategoryScore::id).toList()));
        if (c.score().compareTo(want) != 0) {
            fail("score of category [" + category + "]", plain(want), plain(c.score()));
        }
        return this;
    }

    /** Some veto applies. */
    public EvaluationAssert isVetoed() {
        isNotNull();
        if (!actual.vetoed()) {
            throw failed("expected the subject to be vetoed, but no veto applies");
        }
        return this;
    }

    /** No veto applies. */
    public EvaluationAssert isNotVetoed() {
        isNotNull();
        if (actual.vetoed()) {
            throw failed("expected no veto, but the subject is vetoed");
        }
        return this;
    }

    /** A veto item of the given rule applies. */
    public EvaluationAssert isVetoedBy(String ruleId) {
        isNotNull();
        if (actual.items().stream().noneMatch(i -> i.kind() == ItemKind.VETO && ruleId.equals(i.rule()))) {
            throw failed("expected a veto by rule [" + ruleId + "], but there is none");
        }
        return this;
    }

    /** The given rule made at least one item; further assertions look at that rule's items. */
    public RuleItemsAssert hasItem(String ruleId) {
        isNotNull();
        List<ScoreItem> items = actual.itemsOf(ruleId);
        if (items.isEmpty()) {
            throw failed("expected an item of rule [" + ruleId + "], but the rule made none");
        }
        return new RuleItemsAssert(this, ruleId, items);
    }

    /** The given rule made no item. */
    public EvaluationAssert hasNoItem(String ruleId) {
        isNotNull();
        List<ScoreItem> items = actual.itemsOf(ruleId);
        if (!items.isEmpty()) {
            throw failed("expected no item of rule [" + ruleId + "], but it made " + items.size()
                    + " worth " + plain(sum(items)));
        }
        return this;
    }

    /** The result has no item at all: a subject with full marks and nothing else. */
    public EvaluationAssert hasNoItems() {
        isNotNull();
        if (!actual.items().isEmpty()) {
            throw failed("expected no items, but there are " + actual.items().size());
        }
        return this;
    }

    /** {@code base + sum(items.points) == total}, the invariant of every result. */
    public EvaluationAssert isBalanced() {
        isNotNull();
        BigDecimal sum = actual.base().add(sum(actual.items()));
        if (sum.compareTo(actual.total()) != 0) {
            throw failed("expected base + items == total, but base + items is " + plain(sum) + " and the total " + plain(actual.total()));
        }
        return this;
    }

    /**
     * A failure with no single expected value (a missing item, a veto that should not be): the message, the
     * description given with {@code as()} and the whole explanation, without a made-up expected value.
     */
    AssertionError failed(String message) {
        return failure("%s%n%n%s", message, explanation());
    }

    /** A failure of one value against the expected one, which an IDE can show side by side; {@code as()} comes first. */
    private void fail(String what, String expected, String found) {
        String described = info.description() == null || info.descriptionText().isEmpty() ? "" : "[" + info.descriptionText() + "] ";
        throw failureWithActualExpected(found, expected, "%sexpected %s %s but was %s%n%n%s", described, what, expected, found, explanation());
    }

    String explanation() {
        return TextReport.explain(actual);
    }

    static BigDecimal sum(List<ScoreItem> items) {
        return items.stream().map(ScoreItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String plain(BigDecimal n) {
        return Numbers.plain(n); // one way to write a number: contract §6
    }
}
