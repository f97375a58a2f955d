package dev.rubric.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A subject's total before grading: the fact grading rules match to veto or limit a grade by score.
 *
 * @param score the sum of the category scores; never null
 */
public record TotalScore(BigDecimal score) {

    public TotalScore {
        Objects.requireNonNull(score, "score");
    }

    /** Bean-style accessor, for rule files written the classic way. */
    public BigDecimal getScore() { return score; }
}
