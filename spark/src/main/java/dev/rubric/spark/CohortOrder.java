package dev.rubric.spark;

import dev.rubric.engine.internal.scoring.Scoring;

import java.io.Serializable;
import java.util.Comparator;

/**
 * The order of a cohort's sort: the rubric's own {@link Scoring#bestFirst} (vetoed last where the manifest says so,
 * total, then the tie-break categories), then subject ids. Serializable, so Spark's range partitioner and every
 * executor sort by the one definition of ranking.
 */
final class CohortOrder implements Comparator<RankKey>, Serializable {

    private static final long serialVersionUID = 2L;

    private final ExecutorRubric rubric;
    private transient Comparator<Scoring.Standing> bestFirst;

    CohortOrder(ExecutorRubric rubric) {
        this.rubric = rubric;
    }

    @Override
    public int compare(RankKey a, RankKey b) {
        int byStanding = ties(a, b);
        return byStanding != 0 ? byStanding : a.id().compareTo(b.id());
    }

    /** The order of step 7 alone: 0 when the two subjects share a rank. */
    int ties(RankKey a, RankKey b) {
        Comparator<Scoring.Standing> order = bestFirst;
        if (order == null) {
            order = Scoring.bestFirst(rubric.rubric().manifest());
            bestFirst = order;
        }
        return order.compare(a.standing(), b.standing());
    }
}
