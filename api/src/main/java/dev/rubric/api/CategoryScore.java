package dev.rubric.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The score of one category of a subject: a fact that grading rules match, and a line of every result.
 *
 * <p>Grading rules compare its decimal {@code score} with plain numeric literals:
 * {@code CategoryScore( id == "targets", score < 20 )}.
 *
 * @param id    the category's id from the manifest; never null
 * @param name  the category's display name; never null
 * @param score the category's score after caps and clamping; never null
 * @param max   the category's ceiling; never null
 * @param min   the category's floor; never null
 */
public record CategoryScore(String id, String name, BigDecimal score, BigDecimal max, BigDecimal min) {

    public CategoryScore {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(min, "min");
    }

    /** Bean-style accessor, for rule files written the classic way. */
    public String getId() { return id; }

    /** Bean-style accessor, for rule files written the classic way. */
    public String getName() { return name; }

    /** Bean-style accessor, for rule files written the classic way. */
    public BigDecimal getScore() { return score; }

    /** Bean-style accessor, for rule files written the classic way. */
    public BigDecimal getMax() { return max; }

    /** Bean-style accessor, for rule files written the classic way. */
    public BigDecimal getMin() { return min; }
}
