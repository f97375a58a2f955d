package dev.rubric.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The itemized result of one subject: score, grade and every item that explains them.
 *
 * <p>Invariant: {@code base + sum(items.points) == total}, exactly.
 *
 * @param subject         the subject; never null
 * @param base            the sum of every category's starting value; never null
 * @param total           the total after caps, clamps and vetoes; never null
 * @param totalBeforeVeto the total the subject would have had without its vetoes; never null (equal to {@code total} when nothing zeroed it)
 * @param grade           the grade, or null when none is given (不评定等级)
 * @param vetoed          whether at least one veto item applies
 * @param rank            the competition rank in a cohort (1, 2, 2, 4), or null when evaluated alone
 * @param categories      the category scores in display order; never null
 * @param items           every item, in explanation order; never null
 * @param period          the period the subject was scored for, or null when none was named (contract §8)
 */
public record Evaluation(SubjectRef subject, BigDecimal base, BigDecimal total, BigDecimal totalBeforeVeto,
                         String grade, boolean vetoed, Integer rank,
                         List<CategoryScore> categories, List<ScoreItem> items, Period period) {

    /** A result scored with no period named. */
    public Evaluation(SubjectRef subject, BigDecimal base, BigDecimal total, BigDecimal totalBeforeVeto,
                      String grade, boolean vetoed, Integer rank, List<CategoryScore> categories, List<ScoreItem> items) {
        this(subject, base, total, totalBeforeVeto, grade, vetoed, rank, categories, items, null);
    }

    public Evaluation {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(totalBeforeVeto, "totalBeforeVeto");
        categories = List.copyOf(categories);
        items = List.copyOf(items);
        if (period != null && period.isUnbounded()) {
            period = null; // the unbounded period is no period named
        }
    }

    /** The grade, if one is given. */
    public Optional<String> gradeIfGiven() {
        return Optional.ofNullable(grade);
    }

    /** The items the given rule made, in order. */
    public List<ScoreItem> itemsOf(String ruleId) {
        return items.stream().filter(i -> ruleId.equals(i.rule())).toList();
    }

    /** A copy of this result with a rank and extra items (quota drops) and the grade they lead to. */
    public Evaluation withCohortOutcome(int rank, String grade, List<ScoreItem> extraItems) {
        List<ScoreItem> all = new java.util.ArrayList<>(items);
        all.addAll(extraItems);
        return new Evaluation(subject, base, total, totalBeforeVeto, grade, vetoed, rank, categories, all, period);
    }
}
