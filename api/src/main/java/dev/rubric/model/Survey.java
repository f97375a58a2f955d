package dev.rubric.model;

import java.util.Objects;

/**
 * The result of one satisfaction survey (满意度测评) of the department by one group of raters, who each answered
 * 满意, 基本满意 or 不满意.
 *
 * @param id                 the fact's id; never null
 * @param group              who rated; never null
 * @param respondents        how many rated, positive
 * @param satisfied          how many answered 满意, from 0 to {@code respondents}
 * @param basicallySatisfied how many answered 基本满意, not negative, 0 when null (a survey without that answer); with {@code satisfied} at most {@code respondents}
 *                           (the rest answered 不满意)
 */
public record Survey(String id, RaterGroup group, int respondents, int satisfied, Integer basicallySatisfied) {

    public Survey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        basicallySatisfied = basicallySatisfied == null ? 0 : basicallySatisfied;
        if (respondents <= 0 || satisfied < 0 || basicallySatisfied < 0 || satisfied + basicallySatisfied > respondents) {
            throw new IllegalArgumentException("survey [" + id + "] has [" + satisfied + "] satisfied and [" + basicallySatisfied
                    + "] basically satisfied of [" + respondents + "] respondents: respondents must be positive and the"
                    + " answers between 0 and respondents together");
        }
    }

    /** A survey whose raters answered only 满意 or 不满意. */
    public Survey(String id, RaterGroup group, int respondents, int satisfied) {
        this(id, group, respondents, satisfied, 0);
    }

    /** How many answered 不满意. */
    public int dissatisfied() {
        return respondents - satisfied - basicallySatisfied;
    }
}
