package dev.rubric.spark;

import dev.rubric.engine.internal.scoring.Scoring;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * One subject scored alone, as it travels between the stages of a job: its result line (contract §6, without
 * rank) and what ranking needs of it.
 *
 * @param id       the subject's id; never null
 * @param label    how other subjects' quota drops name it ({@link Scoring#label}); never null
 * @param line     the result as {@code ResultJson.line} writes it, UTF-8, ending in a line feed; never null
 * @param total    the subject's total; never null
 * @param grade    the subject's grade before quotas, or null when none is given
 * @param vetoed   whether a veto applies
 * @param tieBreak the scores of the manifest's {@code ranking.tieBreak} categories, in that order; never null
 */
record Scored(String id, String label, byte[] line, BigDecimal total, String grade, boolean vetoed, List<BigDecimal> tieBreak)
        implements Serializable {

    Scored {
        tieBreak = List.copyOf(tieBreak);
    }

    /** Where the subject stands in the cohort's sort. */
    RankKey key() {
        return new RankKey(total, vetoed, tieBreak, id);
    }

    /** What the engine's step 7 needs of the subject. */
    Scoring.Standing standing() {
        return new Scoring.Standing(total, grade, vetoed, tieBreak);
    }
}
