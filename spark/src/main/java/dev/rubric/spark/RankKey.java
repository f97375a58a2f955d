package dev.rubric.spark;

import dev.rubric.engine.internal.scoring.Scoring;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Where a subject stands in a cohort's sort: what step 7 orders by (contract §4), then its id, so results come out
 * by rank, then subject id, and subjects that share a rank stay next to each other.
 *
 * @param total    the subject's total; never null
 * @param vetoed   whether a veto applies
 * @param tieBreak the scores of the manifest's {@code ranking.tieBreak} categories, in that order; never null
 * @param id       the subject's id; never null
 */
record RankKey(BigDecimal total, boolean vetoed, List<BigDecimal> tieBreak, String id) implements Serializable {

    RankKey {
        tieBreak = List.copyOf(tieBreak);
    }

    /** The key as the engine's step 7 orders it (no grade: the order does not read it). */
    Scoring.Standing standing() {
        return new Scoring.Standing(total, null, vetoed, tieBreak);
    }
}
