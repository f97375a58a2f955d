package dev.rubric.spark;

import dev.rubric.engine.scoring.Scoring;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Comparator;

/**
 * The order of a cohort's sort: totals best first by the rubric's own {@link Scoring#bestFirst}, then subject ids.
 * Serializable, so Spark's range partitioner and every executor sort by the one definition of ranking.
 */
final class CohortOrder implements Comparator<RankKey>, Serializable {

    private static final long serialVersionUID = 1L;

    private final ExecutorRubric rubric;
    private transient Comparator<BigDecimal> bestFirst;

    CohortOrder(ExecutorRubric rubric) {
        this.rubric = rubric;
    }

    @Override
    public int compare(RankKey a, RankKey b) {
        Comparator<BigDecimal> totals = bestFirst;
        if (totals == null) {
            totals = Scoring.bestFirst(rubric.rubric().manifest());
            bestFirst = totals;
        }
        int byTotal = totals.compare(a.total(), b.total());
        return byTotal != 0 ? byTotal : a.id().compareTo(b.id());
    }
}
